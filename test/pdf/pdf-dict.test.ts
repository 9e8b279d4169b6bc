/**
 * The compact dictionaries and names of issue 22 behave as the Map and strings they replace: a PdfDict keeps a
 * Map's semantics (insertion order, a key set again keeps its place, delete, past the small-list size, after
 * `map` is taken and changed through), a parsed dictionary with repeated keys and null values is the one a Map
 * built entry by entry gives, and the names made once per hash slot are the bytes' Latin-1 text even when
 * thousands of different names share the slots.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PdfParser } from '../../electron/core/pdf/pdf-parser';
import { PdfDict, PdfName } from '../../electron/core/pdf/pdf-objects';

type Op = { op: 'set'; k: string; v: number } | { op: 'delete'; k: string } | { op: 'map' };

const keys = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c) => `K${c}`));
const ops = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ op: fc.constant('set' as const), k: keys, v: fc.integer() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), k: keys }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('map' as const) }) },
  ),
  { maxLength: 60 },
);

function entries(d: PdfDict): [string, unknown][] {
  const out: [string, unknown][] = [];
  d.forEach((v, k) => out.push([k, v]));
  return out;
}

describe('PdfDict', () => {
  it('behaves as a Map under any sequence of set, delete and taking its map', () => {
    fc.assert(
      fc.property(ops, (list: Op[]) => {
        const d = new PdfDict();
        const m = new Map<string, number>();
        for (const o of list) {
          if (o.op === 'set') {
            d.set(o.k, o.v);
            m.set(o.k, o.v);
          } else if (o.op === 'delete') {
            d.delete(o.k);
            m.delete(o.k);
          } else {
            // a change through the taken map is the dictionary's
            d.map.set('KZ', 0);
            m.set('KZ', 0);
          }
          expect(entries(d)).toEqual([...m]);
          expect(d.size).toBe(m.size);
          expect(d.keys()).toEqual([...m.keys()]);
          for (const k of ['KA', 'KB', 'KZ', 'none']) {
            expect(d.get(k)).toBe(m.get(k));
            expect(d.has(k)).toBe(m.has(k));
          }
          expect(entries(d.clone())).toEqual([...m]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes a parsed entry list as a Map would: repeated keys keep the first place and the last value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keys, fc.oneof(fc.integer({ min: 0, max: 999 }), fc.constant(null))), {
          maxLength: 30,
        }),
        (pairs) => {
          const text = `<< ${pairs.map(([k, v]) => `/${k} ${v === null ? 'null' : v}`).join(' ')} >>`;
          const d = new PdfParser(Buffer.from(text, 'latin1')).value() as PdfDict;
          const m = new Map<string, number>();
          // ISO 32000-1 §7.3.7: a null value is no entry
          for (const [k, v] of pairs) if (v !== null) m.set(k, v);
          expect(d).toBeInstanceOf(PdfDict);
          expect(entries(d)).toEqual([...m]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('names made once', () => {
  it('are the Latin-1 text of their bytes, whatever other names share a slot', () => {
    const nameBytes = fc.uint8Array({ minLength: 1, maxLength: 30 }).map((b) =>
      // regular characters only (no delimiters, white space or #): the name is the bytes as they are
      Buffer.from(b.map((c) => 0x61 + (c % 26))),
    );
    fc.assert(
      fc.property(fc.array(nameBytes, { minLength: 1, maxLength: 400 }), (names) => {
        for (const b of names) {
          const got = new PdfParser(Buffer.concat([Buffer.from('/'), b, Buffer.from(' ')])).value();
          expect((got as PdfName).name).toBe(b.toString('latin1'));
          const d = new PdfParser(Buffer.concat([Buffer.from('<</'), b, Buffer.from(' 1>>')])).value();
          expect((d as PdfDict).keys()).toEqual([b.toString('latin1')]);
        }
      }),
      { numRuns: 50 },
    );
  });
});
