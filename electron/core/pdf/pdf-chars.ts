/** PDF lexical character classes (ISO 32000-1 §7.2.2) and the literal-string escapes (§7.3.4.2). */
const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** literal-string escapes \n \r \t \b \f \( \) \\ (§7.3.4.2) → the byte they stand for */
export const ESCAPES = new Map([
  [0x6e, 10],
  [0x72, 13],
  [0x74, 9],
  [0x62, 8],
  [0x66, 12],
  [0x28, 0x28],
  [0x29, 0x29],
  [0x5c, 0x5c],
]);

/**
 * per byte: 1 white-space, 2 delimiter, 0 regular (a table: the parser asks for every byte, and its loops read
 * it directly — no call per byte while the code still runs unoptimised)
 */
export const CLASS = new Uint8Array(256);
for (const c of WS) CLASS[c] = 1;
for (const c of DELIM) CLASS[c] = 2;

export function isWhite(c: number): boolean {
  return CLASS[c] === 1;
}
export function isRegular(c: number): boolean {
  return CLASS[c] === 0;
}
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
