/** [1, 2, 3, 5] → "1–3, 5": pages said as ranges (the visual comparison in the app and in the report PDF). */
export function pageRanges(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i + 1 ? `${pages[i]}–${pages[j]}` : pages.slice(i, j + 1).join(', '));
    i = j;
  }
  return parts.join(', ');
}
