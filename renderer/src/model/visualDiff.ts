/** Which verified files offer the visual comparison (issue 23), and how its numbers are shown. */
import type { FileReport } from '../../../shared/schemas/verify';

/** a PDF with at least one signature that does not cover the whole file */
export function hasLaterChanges(report: FileReport): boolean {
  return report.signatures.some((s) => s.coversWholeDocument === false && (s.byteRange?.length ?? 0) === 4);
}

export function percent(fraction: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(fraction);
}
