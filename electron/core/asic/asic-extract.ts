/**
 * `sigillo extract` of an ASiC container: every signed data file (META-INF/ and mimetype left out; a file no
 * signature covers only with --force) written below a
 * folder named after the container (`contratto.asice` → `contratto/`), all-or-nothing (staged-folder.ts: a
 * staging folder inside the target, moved into place at the end), never over an existing file unless
 * --overwrite, never through a symlink. Entry names were already refused when unsafe (zip-slip, symlink
 * entries, names a case-insensitive file system would merge); each target is checked to stay inside the folder
 * anyway. The signatures' integrity is checked first; a broken one stops it unless --force.
 */
import { open } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { failure } from '../errors';
import { writeStagedFolder } from '../files/staged-folder';
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

export async function extractAsic(input: string, o: ExtractOptions): Promise<ExtractResult> {
  const folder = asicFolderFor(input, o.outDir);
  let intact: boolean | null = null;
  try {
    const report = await verifyAsicFile(input, { trust: NO_TRUST });
    intact = report.signatures.length > 0 && report.signatures.every((s) => s.integrity === 'valid');
    if (!intact && !o.force) throw failure('INTEGRITY_FAILED:asic');
    // the signed files (ETSI EN 319 162-1: what a signature or its manifest references); anyone can add a file
    // to a container, so the others stay in it unless --force asks for everything
    const unsigned = (report.container?.files ?? [])
      .filter((f) => f.signedBy.length === 0)
      .map((f) => f.name);
    const c = await openAsic(input);
    let output: string;
    try {
      const wanted = c.data.filter((e) => o.force || !unsigned.includes(e.name));
      const files = wanted.map((e) => ({ name: e.name, bytes: () => c.zip.read(e) }));
      output = await writeStagedFolder(folder, files, o.overwrite);
    } finally {
      await c.zip.close();
    }
    return {
      file: input,
      output,
      error: null,
      integrity: intact ? 'valid' : 'invalid',
      levels: 1,
      ...(unsigned.length && !o.force ? { skipped: unsigned } : {}),
    };
  } catch (e) {
    return extractFailed(input, e, intact === false ? 'invalid' : null);
  }
}
