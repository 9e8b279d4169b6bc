/**
 * verifyFile: picks the verifier by content (first bytes), runs it, and turns any failure into a per-file
 * error `{code, message}` — never a throw, never a crash. Each format adds its verifier to VERIFIERS.
 */
import { open } from 'node:fs/promises';
import { toErrorInfo } from '../errors';
import { fileError } from '../files/input-file';
import { cmsFileVerifier } from './cms-file-verifier';
import { pdfFileVerifier } from '../pdf/verify-pdf';
import { timestampFileVerifier } from '../timestamp/verify-timestamped';
import { xadesFileVerifier } from '../xades/xades-file-verifier';
import { asicFileVerifier } from '../asic/asic-verify';
import type { FileVerifier, VerifyFileOptions } from './file-types';
import type { FileReport } from './types';

/**
 * In order: the first whose matches() says yes handles the file; the CMS verifier is also the fallback.
 * CMS comes first: a p7m whose content is a PDF has '%PDF-' in its first bytes too.
 */
export const VERIFIERS: FileVerifier[] = [
  timestampFileVerifier,
  cmsFileVerifier,
  pdfFileVerifier,
  xadesFileVerifier,
  asicFileVerifier,
];

const HEAD_BYTES = 1024;

async function readHead(path: string): Promise<Uint8Array> {
  let fh;
  try {
    fh = await open(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    throw fileError(e, path);
  } finally {
    await fh?.close();
  }
}

export async function verifyFile(path: string, opts: VerifyFileOptions): Promise<FileReport> {
  try {
    const head = await readHead(path);
    const verifier = VERIFIERS.find((v) => v.matches(head, path)) ?? cmsFileVerifier;
    const r = await verifier.verify(path, opts);
    const { format, ...rest } = r;
    return { file: path, format, error: null, ...rest };
  } catch (e) {
    return { file: path, format: null, error: toErrorInfo(e), signatures: [] };
  }
}
