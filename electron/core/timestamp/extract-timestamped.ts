/**
 * `sigillo extract` for timestamp files: a .tsd gives the document inside (doc.pdf.tsd → doc.pdf), a .m7m gives
 * the document inside its p7m (the p7m level unwrapped as for any p7m). The timestamp imprint (and the token
 * signature) is checked before the output is moved into place; a mismatch stops unless --force.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { failure, toErrorInfo } from '../errors';
import { withAtomicOutput } from '../files/atomic-output';
import { cleanStaleTempsOnce, tempNameFor } from '../files/stale-temp';
import { spoolDir } from '../verify/nested-capture';
import { checkTimestampToken } from '../verify/token-check';
import { parseTimestampToken } from '../tsa/timestamp-token';
import type { HashName } from '../cms/algorithm-oids';
import { extractFile, type ExtractOptions, type ExtractResult } from '../verify/extract';
import { writeAll } from './file-copy';
import { readM7m } from './m7m-reader';
import { timestampKind } from './timestamp-sniff';
import { tokenFromFileBytes } from './token-bytes';
import { readTsd } from './tsd-reader';

/** A plain file name (no folders, no leading dots). */
function safeName(name: string | undefined): string | undefined {
  const b = name ? basename(name.replace(/\\/g, '/')).replace(/^\.+/, '') : '';
  return b && b !== '.' && b !== '..' ? b : undefined;
}

export function tsdExtractedName(input: string, metaName?: string): string {
  const b = basename(input);
  if (/\.tsd$/i.test(b) && b.length > 4) return b.slice(0, -4);
  return safeName(metaName) ?? `${b}.content`;
}

async function tokenIntact(
  token: Uint8Array,
  digests: Partial<Record<HashName, Uint8Array>>,
): Promise<boolean> {
  const r = await checkTimestampToken(parseTimestampToken(token), (h) => digests[h]);
  return r.integrity === 'valid';
}

async function extractTsd(input: string, o: ExtractOptions): Promise<ExtractResult> {
  let intact: boolean | null = null;
  let output: string | null = null;
  try {
    let name: string | undefined;
    // the output name needs the metaData only when the input is not called *.tsd; read it first then
    if (!/\.tsd$/i.test(basename(input))) name = (await readTsd(input)).fileName;
    output = resolve(join(o.outDir ?? dirname(input), tsdExtractedName(input, name)));
    await withAtomicOutput(output, { overwrite: o.overwrite }, async (fh) => {
      const tsd = await readTsd(input, (c) => writeAll(fh, c));
      if (!tsd.hasContent) throw failure('TSD_NO_CONTENT');
      intact = await tokenIntact(tsd.tokens[0] as Uint8Array, tsd.contentDigests);
      if (!intact && !o.force) throw failure('INTEGRITY_FAILED:timestamp');
    });
    return { file: input, output, error: null, integrity: intact ? 'valid' : 'invalid', levels: 1 };
  } catch (e) {
    return {
      file: input,
      output: null,
      error: toErrorInfo(e),
      integrity: intact === false ? 'invalid' : null,
      levels: 0,
    };
  }
}

async function extractM7m(input: string, o: ExtractOptions): Promise<ExtractResult> {
  // in <user data>/tmp like the nested p7m spools: named as ours, so the next run sweeps it after a kill
  const spool = spoolDir();
  await mkdir(spool, { recursive: true, mode: 0o700 });
  await cleanStaleTempsOnce(spool);
  const dir = join(spool, tempNameFor('m7m'));
  await mkdir(dir, { mode: 0o700 });
  try {
    const p7mPath = join(dir, 'signed.p7m');
    const out = createWriteStream(p7mPath, { mode: 0o600 });
    const m7m = await readM7m(
      input,
      (c) => new Promise<void>((res, rej) => out.write(c, (e) => (e ? rej(e) : res()))),
    );
    await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
    const intact = await tokenIntact(tokenFromFileBytes(m7m.timestamp), m7m.p7mDigests);
    if (!intact && !o.force) {
      return {
        file: input,
        output: null,
        error: toErrorInfo(failure('INTEGRITY_FAILED:timestamp')),
        integrity: 'invalid',
        levels: 0,
      };
    }
    const named = join(dir, safeName(m7m.p7mName) ?? basename(input).replace(/\.m7m$/i, '') + '.p7m');
    await rename(p7mPath, named);
    const r = await extractFile(named, { ...o, outDir: o.outDir ?? dirname(resolve(input)) });
    return {
      ...r,
      file: input,
      integrity: r.integrity === 'valid' && intact ? 'valid' : r.integrity ? 'invalid' : null,
    };
  } catch (e) {
    return { file: input, output: null, error: toErrorInfo(e), integrity: null, levels: 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function detachedTimestamp(input: string): ExtractResult {
  const e = failure('TIMESTAMP_DETACHED');
  return { file: input, output: null, error: toErrorInfo(e), integrity: null, levels: 0 };
}

/** The timestamp kind of a file from its first bytes (undefined: not a timestamp file). */
export async function timestampKindOfFile(path: string) {
  const fh = await open(path, 'r').catch(() => undefined);
  if (!fh) return undefined;
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return timestampKind(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

export async function extractTimestamped(
  input: string,
  o: ExtractOptions,
): Promise<ExtractResult | undefined> {
  switch (await timestampKindOfFile(input)) {
    case 'tsd':
      return extractTsd(input, o);
    case 'm7m':
      return extractM7m(input, o);
    case 'tsr':
      return detachedTimestamp(input);
    default:
      return undefined;
  }
}
