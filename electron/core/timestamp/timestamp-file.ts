/**
 * `sigillo timestamp`: one file → FILE.tsd (RFC 5544, file + token), FILE.tsr (the TSA's TimeStampResp, detached)
 * or, for a signed p7m, FILE.m7m (MIME: p7m + timestamp, as Dike/ArubaSign write it). The input is hashed once,
 * the TSA asked, then the output is written atomically in a second pass that checks the input did not change.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import type { DigestName } from '../crypto/key-signer';
import { SigilloError, failure } from '../errors';
import { checkOutput, withAtomicOutput } from '../files/atomic-output';
import { inputSize } from '../files/input-file';
import { outputPathFor } from '../files/output-naming';
import { looksLikeSignedData } from '../cms/signed-data-reader';
import type { TsaConfig } from '../tsa/tsa-client';
import { requestTimestamp } from '../verify/requested-timestamp';
import { copyChecked, writeAll } from './file-copy';
import { hashFile, type Progress } from '../files/hash-file';
import { Base64LineEncoder, m7mHead, m7mTail, newBoundary } from './m7m-format';
import { tsdLayout } from './tsd-format';

export type TimestampFormat = 'tsd' | 'tsr' | 'm7m';
export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ['tsd', 'tsr', 'm7m'];

export interface TimestampFileOptions {
  input: string;
  format: TimestampFormat;
  outputDir?: string;
  overwrite: boolean;
  tsa: TsaConfig;
  /** imprint hash; SHA-256 by default */
  digest?: DigestName;
  onProgress?: Progress;
}

export interface TimestampFileResult {
  input: string;
  output: string;
  format: TimestampFormat;
  /** the TSA's time, ISO 8601 */
  genTime: string;
  serialNumber: string;
  policy: string;
}

/** FILE.tsd / FILE.tsr; for m7m a trailing .p7m is replaced (contratto.pdf.p7m → contratto.pdf.m7m). */
export function timestampOutputPath(input: string, format: TimestampFormat, outDir?: string): string {
  if (format === 'm7m' && /\.p7m$/i.test(input)) {
    const base = basename(input).replace(/\.p7m$/i, '.m7m');
    return outputPathFor(join(dirname(input), base), { outDir, suffix: '' });
  }
  return outputPathFor(input, { outDir, suffix: `.${format}` });
}

function needsP7m(path: string): SigilloError {
  return failure('M7M_NEEDS_P7M', { path });
}

export async function timestampFile(opts: TimestampFileOptions): Promise<TimestampFileResult> {
  const { input, format } = opts;
  const digest = opts.digest ?? 'sha256';
  const size = await inputSize(input);
  if (format === 'm7m' && !(size > 0 && (await looksLikeSignedData(input)))) throw needsP7m(input);
  const output = timestampOutputPath(input, format, opts.outputDir);
  const outOpts = { overwrite: opts.overwrite };
  await checkOutput(output, outOpts);
  const hash = await hashFile(input, createHash(digest), size, opts.onProgress);
  const { token, response } = await requestTimestamp(opts.tsa, digest, hash);
  const expected = { digest, value: hash, length: size };
  await withAtomicOutput(output, outOpts, async (fh: FileHandle) => {
    if (format === 'tsr') {
      await writeAll(fh, response);
    } else if (format === 'tsd') {
      const layout = tsdLayout(size, [token.der], { fileName: basename(input) });
      await writeAll(fh, layout.head);
      await copyChecked(input, fh, expected);
      await writeAll(fh, layout.tail);
    } else {
      const boundary = newBoundary();
      const names = { p7mName: basename(input), tsrName: basename(output).replace(/\.m7m$/i, '') + '.tsr' };
      await writeAll(fh, Buffer.from(m7mHead(boundary, names), 'latin1'));
      const enc = new Base64LineEncoder();
      await copyChecked(input, fh, expected, (c) => enc.push(c));
      await writeAll(fh, enc.end());
      await writeAll(fh, Buffer.from(m7mTail(boundary, names, response), 'latin1'));
    }
  });
  return {
    input,
    output,
    format,
    genTime: token.info.genTime.toISOString(),
    serialNumber: token.info.serialNumber,
    policy: token.info.policy,
  };
}
