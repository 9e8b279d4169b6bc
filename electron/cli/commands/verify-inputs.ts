/** Expands the FILE|DIR arguments of verify: a folder stands for the signature files directly inside it. */
import { readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import { isSignedFileName } from './signed-files';

export async function expandInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const st = await stat(a).catch(() => undefined);
    if (!st?.isDirectory()) {
      out.push(a);
      continue;
    }
    const names = (await readdir(a, { withFileTypes: true }))
      .filter((d) => d.isFile() && isSignedFileName(d.name))
      .map((d) => d.name)
      .sort();
    out.push(...inFolder(a, names));
  }
  return out;
}

/**
 * `join(dir, name)` for each name read from `dir`: the folder normalised once rather than once per file (a
 * thousand invoices: ~2 ms before the verifier thread can start). The same strings, since such a name holds no
 * separator and is not `.` or `..` (names starting with a dot are left out above); checked on the first name, and
 * a folder written in a way the prefix does not reproduce (`.`, a Windows drive alone) joins each name.
 */
export function inFolder(dir: string, names: string[]): string[] {
  const base = join(dir);
  const prefix = base.endsWith(sep) || base.endsWith('/') ? base : base + sep;
  const first = names[0];
  if (first === undefined || join(dir, first) !== prefix + first) return names.map((n) => join(dir, n));
  return names.map((n) => prefix + n);
}

/** The folders given hold no file to verify: said plainly, exit 1 (never an empty success). */
export function nothingToVerify(args: string[]): SigilloError {
  return new SigilloError(
    'NOTHING_TO_VERIFY',
    t(
      {
        it: 'Nessun file da verificare in {args} (.p7m, .p7s, .p7, .pkcs7, .pdf).',
        en: 'No file to verify in {args} (.p7m, .p7s, .p7, .pkcs7, .pdf).',
      },
      { args: args.join(', ') },
    ),
  );
}
