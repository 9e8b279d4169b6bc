/** "Did you mean": the closest known word within two edits (Levenshtein), for commands and options. */

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** The nearest candidate at distance ≤ 2 (ties: the first listed); undefined when none is that close. */
export function closest(word: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d <= maxDistance && d < word.length && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}
