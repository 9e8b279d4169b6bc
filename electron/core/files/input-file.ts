/**
 * Opening inputs read-only, with plain errors for the usual problems (missing, a folder, no permission).
 * Nothing here ever writes to an input.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';

export const READ_CHUNK = 1024 * 1024;

/** Turns a filesystem error about `path` into a SigilloError with a plain message. */
export function fileError(e: unknown, path: string): SigilloError {
  if (e instanceof SigilloError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new SigilloError(
        'INPUT_NOT_FOUND',
        t({ it: 'Il file {path} non esiste.', en: 'The file {path} does not exist.' }, { path }),
      );
    case 'EISDIR':
      return new SigilloError(
        'INPUT_IS_DIRECTORY',
        t({ it: '{path} è una cartella, non un file.', en: '{path} is a folder, not a file.' }, { path }),
      );
    case 'EACCES':
    case 'EPERM':
      return new SigilloError(
        'PERMISSION_DENIED',
        t({ it: 'Permesso negato: {path}.', en: 'Permission denied: {path}.' }, { path }),
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new SigilloError(
        'DISK_FULL',
        t(
          { it: 'Spazio su disco esaurito scrivendo {path}.', en: 'The disk is full writing {path}.' },
          { path },
        ),
      );
    default:
      return new SigilloError(
        'IO_ERROR',
        t(
          { it: 'Errore di lettura/scrittura su {path}: {code}.', en: 'Read/write error on {path}: {code}.' },
          { path, code: code ?? String(e) },
        ),
      );
  }
}

/** Size of a regular input file; plain errors when missing, a folder, or unreadable. */
export async function inputSize(path: string): Promise<number> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    return st.size;
  } catch (e) {
    throw fileError(e, path);
  }
}

/**
 * The bytes of an input file, read-only, as an async iterable of chunks. Open errors are reported as
 * SigilloError when the first chunk is pulled.
 */
export async function* readInput(path: string, chunkSize = READ_CHUNK): AsyncGenerator<Buffer> {
  await inputSize(path);
  const stream = createReadStream(path, { flags: 'r', highWaterMark: chunkSize });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (e) {
    throw fileError(e, path);
  } finally {
    stream.destroy();
  }
}
