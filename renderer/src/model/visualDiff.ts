/** Which verified files offer the visual comparison (issue 23), and how its numbers are shown. */
import type { FileReport } from '../../../shared/schemas/verify';

/** a PDF with at least one signature that does not cover the whole file */
export function hasLaterChanges(report: FileReport): boolean {
  return report.signatures.some((s) => s.coversWholeDocument === false && (s.byteRange?.length ?? 0) === 4);
}

export function percent(fraction: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(fraction);
}

/** [1, 2, 3, 5] → "1–3, 5": runs of consecutive pages as ranges (a long document stays one short line) */
export function pageList(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i + 1 ? `${pages[i]}–${pages[j]}` : pages.slice(i, j + 1).join(', '));
    i = j;
  }
  return parts.join(', ');
}
