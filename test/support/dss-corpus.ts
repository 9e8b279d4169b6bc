/**
 * The EU DSS / pyHanko corpus ../shared/corpus/dss (read in place, never copied) and the verdict rules its
 * README defines: integrity valid / invalid / error / notvalid / any, and "modified" for PDFs (yes = a change
 * other than later signatures, DSS/VRI, document timestamps or metadata, form filling and annotations included).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileReport, SignatureReport } from '../../electron/core/verify/types';
import type { PdfSignatureReport } from '../../electron/core/pdf/verify-pdf';

export const DSS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'dss');
export const dssPresent = existsSync(join(DSS, 'expected.tsv'));

export interface DssRow {
  file: string;
  format: string;
  integrity: string;
  modified: string;
  signatures: string;
  note: string;
  /** content=NAME of a detached signature */
  content?: string;
}

export function dssRows(): DssRow[] {
  if (!dssPresent) return [];
  const lines = readFileSync(join(DSS, 'expected.tsv'), 'utf8').trim().split('\n');
  const head = (lines[0] ?? '').split('\t');
  return lines.slice(1).map((l) => {
    const r = Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])) as Record<string, string>;
    const content = /content=(\S+)/.exec(r.note ?? '')?.[1];
    return {
      file: r.file!,
      format: r.format!,
      integrity: r.integrity!,
      modified: r.modified!,
      signatures: r.signatures!,
      note: r.note ?? '',
      ...(content ? { content } : {}),
    };
  });
}

function all(s: SignatureReport[]): SignatureReport[] {
  return s.flatMap((x) => [x, ...all(x.counterSignatures)]);
}

/** integrity of a whole file as expected.tsv counts it */
export function integrityVerdict(r: FileReport): 'valid' | 'invalid' | 'error' {
  if (r.error || r.signatures.length === 0) return 'error';
  return all(r.signatures).every((s) => s.integrity === 'valid') ? 'valid' : 'invalid';
}

/** "modified" of a PDF as expected.tsv counts it: any change reported beyond the always-allowed additions */
export function modifiedVerdict(r: FileReport): 'yes' | 'no' {
  const sigs = r.signatures as PdfSignatureReport[];
  return sigs.some((s) => {
    const m = s.modifications;
    if (!m) return false;
    // the change items (issue 18): anything refused, or form filling / annotations even when permitted
    return m.items.some((i) => !i.allowed || i.kind === 'form-fill' || i.kind === 'annotation');
  })
    ? 'yes'
    : 'no';
}

/** true when the verdict satisfies the row */
export function integrityMatches(row: DssRow, got: string): boolean {
  switch (row.integrity) {
    case 'any':
      return true;
    case 'notvalid':
      return got !== 'valid';
    default:
      return got === row.integrity;
  }
}
