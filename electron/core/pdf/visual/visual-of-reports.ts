/**
 * The visual comparison for verification reports (CLI --visual-diff, the report PDF): each PDF file whose
 * signatures leave later changes is compared once; a file the comparison fails on keeps its error code.
 */
import { toErrorInfo, type ErrorInfo } from '../../errors';
import type { FileReport } from '../../verify/types';
import { visualDiff, visualTargets, type SignatureVisual } from './visual-diff';
import type { VisualLimits } from './visual-limits';

export type FileVisual =
  { signatures: SignatureVisual[]; error: null } | { signatures: null; error: ErrorInfo };

/** file path → its comparison, for the PDF reports with at least one signature not covering the whole file */
export async function visualOfReports(
  reports: FileReport[],
  limits?: Partial<VisualLimits>,
): Promise<Map<string, FileVisual>> {
  const out = new Map<string, FileVisual>();
  for (const r of reports) {
    if (r.format !== 'pades' || r.error || out.has(r.file)) continue;
    const targets = visualTargets(r.signatures as { byteRange?: number[]; coversWholeDocument?: boolean }[]);
    if (targets.length === 0) continue;
    try {
      out.set(r.file, { signatures: await visualDiff(r.file, targets, { limits }), error: null });
    } catch (e) {
      out.set(r.file, { signatures: null, error: toErrorInfo(e) });
    }
  }
  return out;
}
