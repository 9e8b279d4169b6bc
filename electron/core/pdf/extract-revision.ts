/**
 * `sigillo extract` on a PDF: writes the revision signed by signature N (1-based, default the last one) —
 * the exact bytes its ByteRange covers — as `NAME-revisionR.pdf`, after checking that signature's integrity.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { failure, toErrorInfo, type ErrorInfo } from '../errors';
import { withAtomicOutput } from '../files/atomic-output';
import { TrustStore } from '../trust/trust-store';
import { PdfReader } from './pdf-reader';
import { findSignatures } from './pdf-signatures';
import { checkByteRange } from './byte-range-check';
import { pdfBroken } from './pdf-errors';
import { looksLikePdf } from './pdf-sniff';
import { verifyPdfCms } from './verify-pdf-cms';

export interface PdfExtractOptions {
  outDir?: string;
  overwrite: boolean;
  force: boolean;
  /** 1-based signature number in revision order; default the last */
  signature?: number;
}

export interface PdfExtractResult {
  file: string;
  output: string | null;
  error: ErrorInfo | null;
  integrity: 'valid' | 'invalid' | null;
  levels: number;
  /** the revision written */
  revision?: number | null;
}

/** true when the file starts like a PDF */
export function isPdfFile(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(1024);
      const n = readSync(fd, b, 0, 1024, 0);
      return looksLikePdf(b.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

function copyPrefix(input: string, outFd: number, length: number): void {
  const fd = openSync(input, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let done = 0; done < length;) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, length - done), done);
      if (n === 0) throw new Error('file shorter than its signed range');
      let w = 0;
      while (w < n) w += writeSync(outFd, buf, w, n - w, done + w);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}

export async function extractPdfRevision(input: string, o: PdfExtractOptions): Promise<PdfExtractResult> {
  let integrity: 'valid' | 'invalid' | null = null;
  try {
    const reader = PdfReader.open(input);
    let plan;
    try {
      // an encrypted PDF's signatures verify too: /Contents is never encrypted and /ByteRange is numbers
      // (ISO 32000-1 §7.6.1); other strings are decrypted with the empty user password when it opens the file
      const sigs = findSignatures(reader);
      const n = o.signature ?? sigs.length;
      const sig = sigs[n - 1];
      if (!sig) {
        throw failure('SIGNATURE_NOT_FOUND', { n, count: sigs.length });
      }
      const br = checkByteRange(sig, reader.src, reader.sections);
      // a /ByteRange that is not four numbers inside the file names no prefix to write, even with --force
      if (br.ranges.length === 0) throw pdfBroken('invalid /ByteRange');
      const cms = await verifyPdfCms(input, sig.subFilter, sig.contents, br.ranges, {
        trust: new TrustStore([]),
      });
      integrity =
        br.ok && !cms.rangeDigestMismatch && cms.report?.integrity === 'valid' ? 'valid' : 'invalid';
      plan = { end: br.signedEnd, revision: br.revision };
    } finally {
      reader.close();
    }
    if (integrity === 'invalid' && !o.force) {
      throw failure('INTEGRITY_FAILED:pdf');
    }
    const stem = basename(input, extname(input));
    const output = resolve(join(o.outDir ?? dirname(input), `${stem}-revision${plan.revision ?? 0}.pdf`));
    await withAtomicOutput(output, { overwrite: o.overwrite }, async (handle) =>
      copyPrefix(input, handle.fd, plan.end),
    );
    return { file: input, output, error: null, integrity, levels: 1, revision: plan.revision };
  } catch (e) {
    return { file: input, output: null, error: toErrorInfo(e), integrity, levels: 0 };
  }
}
