/**
 * Which verified files offer "Apri il documento firmato" (the same rule as the core's open-plan.ts, which
 * decides): a p7m / m7m / tsd holds its document, an XAdES XML is the document; a signed PDF offers, per
 * signature, the revision that signature covers. Only when the signatures are intact: the document a broken
 * signature covers is not "what the signer signed".
 */
import type { FileReport, SignatureReport } from '../../../shared/schemas/verify';

const ENVELOPES = new Set(['cades', 'cms', 'm7m', 'tsd', 'xades']);

/** the file's "Apri il documento firmato" (not for a PDF: that one is per signature) */
export function canOpenDocument(report: FileReport): boolean {
  if (report.error || !report.format || !ENVELOPES.has(report.format) || report.content !== undefined)
    return false;
  const stamps = report.timestamps ?? [];
  if (report.signatures.length === 0 && stamps.length === 0) return false;
  return (
    report.signatures.every((s) => s.integrity === 'valid') && stamps.every((s) => s.integrity === 'valid')
  );
}

/** the signature's "Apri la versione firmata" in a signed PDF */
export function canOpenRevision(report: FileReport, sig: SignatureReport): boolean {
  return (
    !report.error &&
    report.format === 'pades' &&
    sig.integrity === 'valid' &&
    Array.isArray(sig.byteRange) &&
    sig.byteRange.length === 4
  );
}
