/**
 * The `num gen obj` header that starts an indirect object (ISO 32000-1 §7.3.10), read from the bytes at an
 * object's offset without a string or a regular expression.
 */

/** white space as the former /\s/ test saw it in Latin-1 text: tab, LF, VT, FF, CR, space, no-break space */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * The object number of a `num gen obj` header at the start of `b` (what /^\s*(\d+)\s+\d+\s+obj\b/ matched
 * in its Latin-1 text), read from the bytes without a string or a regular expression; undefined when none.
 */
export function headerNumber(b: Uint8Array, limit = b.length): number | undefined {
  let i = 0;
  const n = Math.min(limit, b.length);
  const run = (test: (c: number) => boolean) => {
    const from = i;
    while (i < n && test(b[i]!)) i++;
    return i - from;
  };
  const digit = (c: number) => c >= 0x30 && c <= 0x39;
  run(isSpace);
  const from = i;
  if (run(digit) === 0) return undefined;
  let num = 0;
  for (let k = from; k < i; k++) num = num * 10 + b[k]! - 0x30;
  if (run(isSpace) === 0 || run(digit) === 0 || run(isSpace) === 0) return undefined;
  if (i + 3 > n || b[i] !== 0x6f || b[i + 1] !== 0x62 || b[i + 2] !== 0x6a) return undefined;
  return i + 3 < n && isWordChar(b[i + 3]!) ? undefined : num;
}
