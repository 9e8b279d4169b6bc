/**
 * readElement reads its bytes inline (issue 22: no closure per element, a batch walks hundreds per file). It
 * must read and refuse exactly as the closure form did: the same element or the same RangeError message, on
 * real DER and on every truncation and random damage of it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { readElement, type Element } from '../../electron/core/cms/der-parse';

const fx = inject('fixture');

/** the former form, kept here as the reference */
function reference(buf: Uint8Array, offset: number, end = buf.length, depth = 0): Element {
  if (depth > 64) throw new RangeError('nesting too deep');
  let p = offset;
  const byte = (): number => {
    if (p >= end) throw new RangeError('truncated');
    return buf[p++] as number;
  };
  const tag = byte();
  let tagNumber = tag & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let b = byte(), n = 0; ; b = byte(), n++) {
      if (n > 4) throw new RangeError('tag too long');
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if (!(b & 0x80)) break;
    }
  }
  const constructed = (tag & 0x20) !== 0;
  const first = byte();
  const elem = (valueStart: number, valueEnd: number, e: number, indefinite: boolean): Element => ({
    tag,
    tagNumber,
    tagClass: tag & 0xc0,
    constructed,
    start: offset,
    valueStart,
    valueEnd,
    end: e,
    indefinite,
  });
  if (first === 0x80) {
    if (!constructed) throw new RangeError('indefinite primitive');
    const valueStart = p;
    let q = valueStart;
    for (;;) {
      if (q + 1 < end && buf[q] === 0 && buf[q + 1] === 0) break;
      q = reference(buf, q, end, depth + 1).end;
    }
    return elem(valueStart, q, q + 2, true);
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 6) throw new RangeError('length too long');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + byte();
  }
  if (p + length > end) throw new RangeError('truncated');
  return elem(p, p + length, p + length, false);
}

function outcome(read: typeof readElement, b: Uint8Array, at: number): unknown {
  try {
    return read(b, at);
  } catch (e) {
    return { error: (e as Error).message, type: (e as Error).constructor.name };
  }
}

describe('readElement (inline byte reads)', () => {
  it('reads and refuses as the closure form on DER, its truncations and random damage', () => {
    const der = readFileSync(fx.pki.signature.certDer);
    const samples: Uint8Array[] = [
      der,
      Uint8Array.of(0x1f, 0x81, 0x82, 0x83, 0x84, 0x85, 0x01, 0x00), // tag too long
      Uint8Array.of(0x3f, 0x81, 0x01, 0x80, 0x00, 0x00), // long tag, indefinite
      Uint8Array.of(0x30, 0x87, 1, 2, 3, 4, 5, 6, 7), // length too long
      Uint8Array.of(0x04, 0x80, 0x00, 0x00), // indefinite primitive
      Uint8Array.of(0x30, 0x80, 0x04, 0x01, 0x41, 0x00, 0x00),
    ];
    for (let n = 0; n <= 40; n++) samples.push(der.subarray(0, n));
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 3000; k++) {
      const b = Uint8Array.from(der.subarray(0, 64 + (rand() % 200)));
      for (let j = 0; j < 1 + (rand() % 4); j++) b[rand() % Math.min(b.length, 24)] = rand() % 256;
      samples.push(b);
    }
    for (const b of samples) {
      for (const at of [0, 1, 2, 4]) {
        if (at > b.length) continue;
        expect(outcome(readElement, b, at)).toEqual(outcome(reference, b, at));
      }
    }
  });
});
