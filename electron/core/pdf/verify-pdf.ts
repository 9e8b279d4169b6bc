/**
 * PDF signature verification (issue 5): every signature dictionary in revision order — ByteRange sanity, the
 * digest of the ranges, the CMS through the shared engine, whether it covers the whole document, and the
 * changes made by later incremental updates.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { failure, toErrorInfo } from '../errors';
import { t } from '../i18n/translate';
import { withEmbeddedCrls } from '../verify/embedded-validation';
import { dssCertificates, dssCrls } from './dss-streams';
import type { VerifyContext } from '../verify/verify-cms';
import { formatFailure } from '../verify/verify-signer-info';
import { TIMESTAMP_PASSED } from '../verify/token-check';
import type { FileReport, SignatureReport } from '../verify/types';
import type { PdfSignatureReport } from '../../../shared/schemas/verify';
import type { FileVerifier } from '../verify/file-types';
import { PdfReader } from './pdf-reader';
import { parsePdfDate, PdfString } from './pdf-objects';
import { findSignatures, type PdfSignatureInfo } from './pdf-signatures';
import { checkByteRange, revisionEnds, type ByteRangeCheck } from './byte-range-check';
import { ownershipProblems } from './signature-owner';
import { verifyPdfCms, wantedRangeHashes } from './verify-pdf-cms';
import { hashRangeJobs, startHashThread, THREAD_FROM_BYTES, type HashThread } from './shared-range-hash';
import { takeHashThread } from './range-hash-thread';
import { fastPaths } from './fast-paths';
import type { HashName } from '../cms/algorithm-oids';
import { CMS_LIMITS, tooManyPdfSignatures } from '../cms/limits';
import { analyseModifications, type Modifications } from './diff/analyse';
import { pdfNestingTooDeep, pdfObjectTooLarge } from './pdf-errors';
import { looksLikePdf } from './pdf-sniff';
import { parseCerts } from '../x509/certificates';

export type { PdfSignatureReport } from '../../../shared/schemas/verify';

/** the report of a PDF: its signatures are PdfSignatureReport; `revisions` counts the original and each update */
export type PdfFileReport = Omit<FileReport, 'signatures'> & { signatures: PdfSignatureReport[] };

/** the signature does not hold: integrity invalid with this sub-indication and reason */
function failed(
  base: SignatureReport,
  sub: 'HASH_FAILURE' | 'FORMAT_FAILURE',
  reasons: string[],
): SignatureReport {
  return {
    ...base,
    integrity: 'invalid',
    indication: 'TOTAL_FAILED',
    subIndication: sub,
    explanation: reasons[0] ?? base.explanation,
    messages: [...reasons, ...base.messages],
  };
}

const MODIFIED = {
  it: 'Il documento è stato modificato dopo la firma in modo non consentito: la firma non vale per la versione attuale.',
  en: 'The document was changed after signing in a way that is not permitted: the signature does not hold for the current version.',
};

/** what the fast path (fast-paths.ts) computes ahead for a signature */
interface Prepared {
  br: ByteRangeCheck;
  /** the digests of its ranges, as they come from the shared pass (undefined: that pass failed) */
  digests: Promise<Map<HashName, Buffer> | undefined> | undefined;
  modifications: Modifications | null;
}

/** the changes made after the revision a signature covers (null when it covers the whole document) */
function modificationsAfter(
  reader: PdfReader,
  sig: PdfSignatureInfo,
  br: ByteRangeCheck,
): Modifications | null {
  if (br.coversWholeDocument || br.revision === null) return null;
  const revs = revisionEnds(reader.sections);
  return analyseModifications(reader, revs[br.revision - 1]!.end, revs.length - br.revision, sig.dict);
}

async function verifyOne(
  path: string,
  reader: PdfReader,
  sig: PdfSignatureInfo,
  ctx: VerifyContext,
  /** why it is no signature of this document (signature-owner.ts), [] when it is one */
  notOwned: string[],
  pre?: Prepared,
): Promise<PdfSignatureReport> {
  const br = pre?.br ?? checkByteRange(sig, reader.src, reader.sections);
  let base: SignatureReport;
  try {
    const cms = await verifyPdfCms(path, sig.subFilter, sig.contents, br.ranges, ctx, pre?.digests);
    base =
      cms.report ??
      formatFailure(0, t({ it: 'Nessun firmatario nella firma.', en: 'No signer in the signature.' }));
    if (cms.formatProblem) base = failed(base, 'FORMAT_FAILURE', [cms.formatProblem]);
    else if (cms.rangeDigestMismatch) base = failed(base, 'HASH_FAILURE', cms.messages);
  } catch (e) {
    const m = toErrorInfo(e).message;
    base = formatFailure(0, t({ it: 'Firma illeggibile: {m}', en: 'Unreadable signature: {m}' }, { m }));
  }
  if (!br.ok) base = failed(base, 'FORMAT_FAILURE', br.problems);
  const modifications = pre ? pre.modifications : modificationsAfter(reader, sig, br);
  if (modifications && !modifications.allowed) {
    const explanation = t(MODIFIED);
    base = {
      ...base,
      // DSS judges DocMDP / FieldMDP / object modifications in its Format Checking block: a refused change
      // is TOTAL_FAILED/FORMAT_FAILURE there too (the signed revision itself stays intact: integrity valid)
      indication: 'TOTAL_FAILED',
      subIndication: 'FORMAT_FAILURE',
      explanation,
      messages: [explanation, ...modifications.changes, ...base.messages],
    };
  }
  // no signature of this document: said first, whatever the changes after the revision it names; its CMS
  // may still sign that revision intact (DSS: integrity valid, refused in Format Checking)
  if (notOwned.length > 0) {
    base = {
      ...base,
      indication: 'TOTAL_FAILED',
      subIndication: base.indication === 'TOTAL_FAILED' ? base.subIndication : 'FORMAT_FAILURE',
      explanation: notOwned[0]!,
      messages: [...notOwned, ...base.messages],
    };
  }
  // a valid document timestamp is said to be one: it names no signer, "the signature is valid" would mislead
  if (sig.documentTimestamp && base.indication === 'TOTAL_PASSED')
    base = { ...base, explanation: t(TIMESTAMP_PASSED) };
  const m = sig.dict.get('M');
  const claimed = m instanceof PdfString ? parsePdfDate(m.text()) : undefined;
  return {
    ...base,
    signingTime: base.signingTime ?? claimed ?? null,
    fieldName: sig.fieldName,
    subFilter: sig.subFilter,
    documentTimestamp: sig.documentTimestamp,
    byteRange: sig.byteRange,
    revision: br.revision,
    coversWholeDocument: br.coversWholeDocument,
    modifications,
  };
}

/**
 * The fast path: the ByteRange checks of all signatures, their range digests in one pass over the file
 * (shared-range-hash, on another thread for a big file) and meanwhile, on this thread, the analysis of the
 * changes after each signed revision. Undefined when the checks or the CMS reading go wrong, and no digests when
 * the hashing does, so that each signature is then checked on its own as before (and reports its own problem).
 */
async function prepare(
  path: string,
  reader: PdfReader,
  sigs: PdfSignatureInfo[],
  thread: HashThread | undefined,
  /** the DSS's certificates (the CMS checks' pool takes them too) */
  extraCertificates: Uint8Array[],
): Promise<Prepared[] | undefined> {
  if (!fastPaths()) return undefined;
  let checks: ByteRangeCheck[];
  let wanted: HashName[][];
  const certificates: Uint8Array[] = [...extraCertificates];
  try {
    checks = sigs.map((s) => checkByteRange(s, reader.src, reader.sections));
    wanted = await Promise.all(
      sigs.map((s) => wantedRangeHashes(s.subFilter, s.contents, certificates).catch(() => [])),
    );
  } catch {
    return undefined;
  }
  const hashing = hashRangeJobs(
    path,
    checks.map((br, i) => ({ ranges: br.ranges, algorithms: wanted[i]! })),
    thread,
  ).catch(() => undefined);
  // the certificates the CMS checks will look at, parsed now (x509 keeps them by DER): their first, cold
  // parsing is then not left for after the hashing, when the analysis ends before it
  parseCerts(certificates);
  // the same analyses, in the same order, as the signatures one by one: an error here is the one they throw
  const modifications = checks.map((br, i) => modificationsAfter(reader, sigs[i]!, br));
  // not awaited: each signature's CMS is checked while the hashing goes on, and compares its digest last
  return checks.map((br, i) => ({
    br,
    digests: wanted[i]!.length > 0 ? hashing.then((d) => d?.[i]) : undefined,
    modifications: modifications[i]!,
  }));
}

/** the size of the file, 0 when it cannot be read (opening it then reports why) */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Verifies every signature of a PDF; throws SigilloError for a PDF it cannot read. */
export async function verifyPdf(path: string, ctx: VerifyContext): Promise<PdfFileReport> {
  try {
    return await verifyPdfFile(path, ctx);
  } catch (e) {
    // the last net under the reader's bounds (pdf-limits.ts): a structure still too deep or large for the
    // engine is a hostile file, reported with a code, never as an internal error
    if (e instanceof RangeError) {
      throw /call stack/i.test(e.message) ? pdfNestingTooDeep('call stack') : pdfObjectTooLarge(e.message);
    }
    throw e;
  }
}

async function verifyPdfFile(path: string, ctx: VerifyContext): Promise<PdfFileReport> {
  // a big file's hashing thread starts first (or was started by the CLI before its code loaded), and hashes
  // the file from byte 0 until the signatures have been read and their ranges are known (range-hash-thread.ts)
  const full = resolve(path);
  const thread = fastPaths()
    ? (takeHashThread(full) ?? (sizeOf(path) >= THREAD_FROM_BYTES ? startHashThread(full) : undefined))
    : undefined;
  let reader: PdfReader;
  try {
    reader = PdfReader.open(path);
  } catch (e) {
    thread?.close();
    throw e;
  }
  reader.shareParsed = fastPaths();
  try {
    // an encrypted PDF's signatures verify too: /Contents is never encrypted and /ByteRange is numbers
    // (ISO 32000-1 §7.6.1); other strings are decrypted with the empty user password when it opens the file
    const sigs = findSignatures(reader);
    if (sigs.length > CMS_LIMITS.pdfSignatures) throw tooManyPdfSignatures();
    if (sigs.length === 0) {
      throw failure('NO_SIGNATURES');
    }
    const withDss = {
      ...ctx,
      extraCertificates: [...(ctx.extraCertificates ?? []), ...dssCertificates(reader)],
      // PAdES-B-LT: the DSS CRLs answer first (issue 10), so an LT PDF verifies offline
      revocation: withEmbeddedCrls(ctx.revocation, dssCrls(reader), ctx.now ?? new Date()),
    };
    const prepared = await prepare(path, reader, sigs, thread, withDss.extraCertificates);
    // a copy of a signed dictionary in another field (the same /Contents) is no signature of its own (read
    // while the ranges are hashed)
    const notOwned = ownershipProblems(reader, sigs);
    const signatures: PdfSignatureReport[] = [];
    for (const [i, s] of sigs.entries())
      signatures.push(await verifyOne(path, reader, s, withDss, notOwned[i]!, prepared?.[i]));
    return {
      file: path,
      format: 'pades',
      error: null,
      signatures,
      revisions: revisionEnds(reader.sections).length,
    };
  } finally {
    thread?.close();
    reader.close();
  }
}

/** The PDF entry of validate/verify-file.ts VERIFIERS. */
export const pdfFileVerifier: FileVerifier = {
  name: 'pades',
  matches: looksLikePdf,
  verify: (path, opts) => verifyPdf(path, opts),
};
