/**
 * `sigillo extract` of an ASiC container: every data file (META-INF/ and mimetype left out) written below a
 * folder named after the container (`contratto.asice` → `contratto/`), atomically, never over an existing file
 * unless --overwrite. Entry names were already refused when unsafe (zip-slip); each target is checked to stay
 * inside the folder anyway. The signatures' integrity is checked first; a broken one stops it unless --force.
 */
import { mkdir, open } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { SigilloError } from '../errors';
import { checkOutput, withAtomicOutput } from '../files/atomic-output';
import { fileError } from '../files/input-file';
import { t } from '../i18n/translate';
import { TrustStore } from '../trust/trust-store';
import { extractFailed, type ExtractOptions, type ExtractResult } from '../verify/extract';
import { looksLikeZip, openAsic } from './asic-container';
import { verifyAsicFile } from './asic-verify';

const NO_TRUST = new TrustStore([]);

export async function isZipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r').catch(() => undefined);
  if (!fh) return false;
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && looksLikeZip(head);
  } finally {
    await fh.close();
  }
}

/** `contratto.asice` → `<out>/contratto`; a name without extension gets `-files`. */
export function asicFolderFor(input: string, outDir?: string): string {
  const name = basename(input);
  const ext = extname(name);
  return resolve(join(outDir ?? dirname(input), ext ? name.slice(0, -ext.length) : `${name}-files`));
}

const BROKEN = {
  it: 'Le firme del contenitore non sono integre: estrazione annullata (usare --force per estrarre comunque).',
  en: 'The container signatures are not intact: extraction cancelled (use --force to extract anyway).',
};

function targetIn(folder: string, name: string): string {
  const target = resolve(folder, ...name.split('/'));
  if (!target.startsWith(folder + sep)) {
    throw new SigilloError(
      'ZIP_UNSAFE_PATH',
      t({ it: 'Percorso non sicuro: {name}', en: 'Unsafe path: {name}' }, { name }),
    );
  }
  return target;
}

export async function extractAsic(input: string, o: ExtractOptions): Promise<ExtractResult> {
  const folder = asicFolderFor(input, o.outDir);
  let intact: boolean | null = null;
  try {
    const report = await verifyAsicFile(input, { trust: NO_TRUST });
    intact = report.signatures.length > 0 && report.signatures.every((s) => s.integrity === 'valid');
    if (!intact && !o.force) throw new SigilloError('INTEGRITY_FAILED', t(BROKEN));
    const c = await openAsic(input);
    try {
      const targets = c.data.map((e) => ({ entry: e, path: targetIn(folder, e.name) }));
      await mkdir(folder, { recursive: true }).catch((e: unknown) => {
        throw fileError(e, folder);
      });
      for (const x of targets) {
        await mkdir(dirname(x.path), { recursive: true });
        await checkOutput(x.path, { overwrite: o.overwrite });
      }
      for (const x of targets) {
        const bytes = await c.zip.read(x.entry);
        await withAtomicOutput(x.path, { overwrite: o.overwrite }, async (fh) => {
          await fh.writeFile(bytes);
        });
      }
    } finally {
      await c.zip.close();
    }
    return { file: input, output: folder, error: null, integrity: intact ? 'valid' : 'invalid', levels: 1 };
  } catch (e) {
    return extractFailed(input, e, intact === false ? 'invalid' : null);
  }
}
