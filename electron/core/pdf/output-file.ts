/**
 * The signed PDF's output path and atomic write: `NAME-signed.pdf` beside the input or in `--out DIR`, a
 * temporary file in the target folder, then a no-clobber link (or rename when overwriting is allowed).
 */
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';

export function signedPdfPath(input: string, outputDir?: string): string {
  const ext = extname(input);
  const stem = basename(input, ext);
  return join(outputDir ?? dirname(input), `${stem}-signed${ext.toLowerCase() === '.pdf' ? ext : '.pdf'}`);
}

export function outputExists(path: string): SigilloError {
  return new SigilloError(
    'OUTPUT_EXISTS',
    t(
      {
        it: 'Il file {path} esiste già (usare --overwrite per sostituirlo).',
        en: 'The file {path} already exists (use --overwrite to replace it).',
      },
      { path },
    ),
    { path },
  );
}

export interface TempOutput {
  fd: number;
  tempPath: string;
  /** syncs, closes and moves the file to its final name */
  commit(): void;
  /** closes and removes the temporary file */
  abort(): void;
}

export function openTempOutput(finalPath: string, overwrite: boolean): TempOutput {
  if (!overwrite && existsSync(finalPath)) throw outputExists(finalPath);
  const tempPath = join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tempPath, 'wx', 0o644);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    fd,
    tempPath,
    commit() {
      fsyncSync(fd);
      close();
      if (overwrite) renameSync(tempPath, finalPath);
      else {
        try {
          linkSync(tempPath, finalPath);
        } catch (e) {
          unlinkSync(tempPath);
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw outputExists(finalPath);
          throw e;
        }
        unlinkSync(tempPath);
      }
    },
    abort() {
      close();
      try {
        unlinkSync(tempPath);
      } catch {
        /* already gone */
      }
    },
  };
}
