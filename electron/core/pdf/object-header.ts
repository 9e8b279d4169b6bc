/**
 * The `num gen obj` header that starts an indirect object (ISO 32000-1 §7.3.10), read from the bytes at an
 * object's offset without a string or a regular expression.
 */

/** white space as the former /\s/ test saw it in Latin-1 text: tab, LF, VT, FF, CR, space, no-break space */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * The object number of a `num gen obj` header at `b[from]` (what /^\s*(\d+)\s+\d+\s+obj\b/ matched in the
 * Latin-1 text of `limit` bytes from there), read from the bytes without a string or a regular expression;
 * undefined when none. Plain loops, no closures: it runs once per object read, mostly before the JIT.
 */
export function headerNumber(b: Uint8Array, limit = b.length, from = 0): number | undefined {
  const n = Math.min(from + limit, b.length);
  let i = from;
  while (i < n && isSpace(b[i]!)) i++;
  let num = 0;
  const digits = i;
  while (i < n && isDigit(b[i]!)) num = num * 10 + b[i++]! - 0x30;
  if (i === digits) return undefined;
  let at = i;
  while (i < n && isSpace(b[i]!)) i++;
  if (i === at) return undefined;
  at = i;
  while (i < n && isDigit(b[i]!)) i++;
  if (i === at) return undefined;
  at = i;
  while (i < n && isSpace(b[i]!)) i++;
  if (i === at) return undefined;
  if (i + 3 > n || b[i] !== 0x6f || b[i + 1] !== 0x62 || b[i + 2] !== 0x6a) return undefined;
  return i + 3 < n && isWordChar(b[i + 3]!) ? undefined : num;
}
