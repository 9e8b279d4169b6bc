/** Small output files (.cer): temp file in the target folder + rename; never overwrites silently. */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';

function existsError(path: string): SigilloError {
  return new SigilloError(
    'OUTPUT_EXISTS',
    t({ it: 'Il file esiste già: {path}', en: 'The file already exists: {path}' }, { path }),
  );
}

export async function writeOutputFile(path: string, data: Uint8Array, overwrite: boolean): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, data, { flag: 'wx', mode: 0o644 });
  try {
    if (overwrite) {
      await rename(tmp, path);
      return;
    }
    // link() fails if the target exists: no race between the check and the write
    await link(tmp, path).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST') throw existsError(path);
      if (e.code !== 'EPERM' && e.code !== 'ENOTSUP') throw e;
      // file systems without hard links
      const exists = await access(path, constants.F_OK).then(
        () => true,
        () => false,
      );
      if (exists) throw existsError(path);
      await rename(tmp, path);
    });
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
