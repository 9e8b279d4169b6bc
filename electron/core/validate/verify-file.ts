/**
 * verifyFile: picks the verifier by content (first bytes), runs it, and turns any failure into a per-file
 * error `{code, message}` — never a throw, never a crash. Each format adds its verifier to VERIFIERS.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { toErrorInfo } from '../errors';
import { fileError } from '../files/input-file';
import { regularInputSync } from '../files/file-kind';
import { cmsFileVerifier } from '../verify/cms-file-verifier';
import type { FileVerifier, VerifyFileOptions } from '../verify/file-types';
import type { FileReport } from '../verify/types';
import { withTexts } from './report-texts';
import { looksLikePdf } from '../pdf/pdf-sniff';
import { timestampKind } from '../timestamp/timestamp-sniff';
import { looksLikeXml } from '../xml/xml-safe';
import { looksLikeZip } from '../asic/asic-container';

/**
 * A verifier whose code loads on its first file: the dispatch only needs the light content test, and a batch
 * of p7m should not pay for compiling the PDF, XAdES, ASiC and timestamp verifiers at start (issue 22).
 */
function onFirstUse(
  name: string,
  matches: FileVerifier['matches'],
  load: () => Promise<FileVerifier>,
): FileVerifier {
  let loaded: Promise<FileVerifier> | undefined;
  return {
    name,
    matches,
    async verify(path, opts, bytes) {
      return (await (loaded ??= load())).verify(path, opts, bytes);
    },
  };
}

/**
 * In order: the first whose matches() says yes handles the file; the CMS verifier is also the fallback.
 * CMS comes first: a p7m whose content is a PDF has '%PDF-' in its first bytes too.
 */
export const VERIFIERS: FileVerifier[] = [
  onFirstUse(
    'timestamp',
    (head) => timestampKind(head) !== undefined,
    async () => (await import('../timestamp/verify-timestamped.js')).timestampFileVerifier,
  ),
  cmsFileVerifier,
  onFirstUse('pades', looksLikePdf, async () => (await import('../pdf/verify-pdf.js')).pdfFileVerifier),
  onFirstUse(
    'xades',
    looksLikeXml,
    async () => (await import('../xades/xades-file-verifier.js')).xadesFileVerifier,
  ),
  onFirstUse('asic', looksLikeZip, async () => (await import('../asic/asic-verify.js')).asicFileVerifier),
];

const HEAD_BYTES = 1024;
/** files up to this size are read whole, once, and handed to the verifier (1000 small p7m: one open each) */
const WHOLE_BYTES = 256 * 1024;

/**
 * The first bytes of the file, and the whole file when it is small. Synchronous: a few µs for a small file,
 * far less than the round trips of FileHandle open/read/close through the thread pool.
 */
function readHead(path: string): { head: Uint8Array; whole?: Uint8Array } {
  let fd = -1;
  try {
    regularInputSync(path); // a FIFO or device would block the open or never end
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const want = size <= WHOLE_BYTES ? size : HEAD_BYTES;
    const buf = Buffer.allocUnsafe(Math.max(want, 1));
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      got += n;
      if (n === 0 || got === buf.length) break;
    }
    const bytes = buf.subarray(0, Math.min(got, want));
    // a file that grew while read is not "whole": the verifier reads it itself
    const whole = size <= WHOLE_BYTES && got === size ? bytes : undefined;
    return { head: bytes.subarray(0, HEAD_BYTES), whole };
  } catch (e) {
    throw fileError(e, path);
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

export async function verifyFile(path: string, opts: VerifyFileOptions): Promise<FileReport> {
  try {
    const { head, whole } = readHead(path);
    const verifier = VERIFIERS.find((v) => v.matches(head, path)) ?? cmsFileVerifier;
    const r = await verifier.verify(path, opts, whole);
    const { format, ...rest } = r;
    return withTexts({ file: path, format, error: null, ...rest });
  } catch (e) {
    return withTexts({ file: path, format: null, error: toErrorInfo(e), signatures: [] });
  }
}
