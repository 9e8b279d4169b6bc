/**
 * Whether one file's report is a full pass — `sigillo verify` exits 0 only when every file's is: no error, at
 * least one signature (a detached .tsr: its timestamp, the one thing it claims), every signature and
 * counter-signature TOTAL_PASSED, every timestamp too. A .tsd/.m7m presents its content as the document: a valid
 * timestamp over unsigned data does not make it a signed file; nor does a PDF's document timestamp (ETSI EN 319 142-1:
 * it proves a time, names no signer; DSS's simple report counts it as a timestamp, not a signature).
 * In the core so that a verifier thread (verify-pool.ts) can say it of the reports it prints itself.
 */
import type { FileReport, SignatureReport } from '../verify/types';

/** a PDF document timestamp (/Type /DocTimeStamp or /SubFilter /ETSI.RFC3161) listed among the signatures */
export function isDocumentTimestamp(s: FileReport['signatures'][number]): boolean {
  return s.documentTimestamp === true;
}

function signaturePassed(s: SignatureReport): boolean {
  return s.indication === 'TOTAL_PASSED' && s.counterSignatures.every(signaturePassed);
}

/** every file-level timestamp passed (true when there is none) */
export function timestampsPassed(r: FileReport): boolean {
  return (r.timestamps ?? []).every((ts) => ts.indication === 'TOTAL_PASSED');
}

export function reportPassed(r: FileReport): boolean {
  const some =
    r.signatures.some((s) => !isDocumentTimestamp(s)) ||
    (r.format === 'tsr' && (r.timestamps?.length ?? 0) > 0);
  return !r.error && some && r.signatures.every(signaturePassed) && timestampsPassed(r);
}
