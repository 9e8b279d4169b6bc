/**
 * "Open the signed document" refuses when the file no longer has the stamp it had when it was verified, so the
 * user never sees bytes other than those verified.
 */
import { failure } from '../errors';
import { fileStamp, sameStamp, type FileStamp } from '../files/file-stamp';

/** OPEN_FILE_CHANGED unless `path` still has stamp `was` */
export async function assertUnchanged(path: string, was: FileStamp | null | undefined): Promise<void> {
  if (!sameStamp(await fileStamp(path), was)) throw failure('OPEN_FILE_CHANGED', { path });
}
