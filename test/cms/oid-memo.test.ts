/**
 * decodeOid keeps the short OIDs it decoded in a small direct-mapped memo (issue 22: no string key per lookup).
 * The answer must be the plain decoding's for every input: thousands of distinct OIDs (so slots collide and are
 * replaced), asked again in another order, from a buffer then overwritten, and malformed ones.
 */
import { describe, expect, it } from 'vitest';
import { decodeOid, decodeOidArcs as reference } from '../../electron/core/cms/der-parse';

/** a deterministic pseudo-random source */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 8;
  };
}

function answer(f: (v: Uint8Array) => string, v: Uint8Array): string {
  try {
    return f(v);
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
}

describe('decodeOid memo', () => {
  const next = rng(22);
  const values: Uint8Array[] = [];
  for (let i = 0; i < 4000; i++) {
    const n = 1 + (next() % 34);
    values.push(
      Uint8Array.from({ length: n }, () => (next() % 3 === 0 ? 0x80 | (next() % 128) : next() % 128)),
    );
  }
  values.push(new Uint8Array(0), Uint8Array.of(0x80), Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d));

  it('every answer is the plain decoding, asked once and asked again in reverse order', () => {
    for (const v of values) expect(answer(decodeOid, v)).toBe(answer(reference, v));
    for (const v of [...values].reverse()) expect(answer(decodeOid, v)).toBe(answer(reference, v));
  });

  it('a buffer decoded, then overwritten with another OID of the same length, is decoded again', () => {
    const buf = Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);
    expect(decodeOid(buf)).toBe('1.2.840.113549.1.7.2');
    buf[8] = 0x01;
    expect(decodeOid(buf)).toBe('1.2.840.113549.1.7.1');
    expect(decodeOid(buf.subarray(0, 8))).toBe('1.2.840.113549.1.7');
  });
});
