/**
 * headerNumber (pdf-reader.ts) reads the `num gen obj` header of an object at its xref offset from the bytes;
 * it must answer exactly as the regular expression it replaced (issue 22), whitespace, word boundary and the
 * 40-byte window included: crafted cases and random byte strings drawn from the characters that matter.
 */
import { describe, expect, it } from 'vitest';
import { headerNumber } from '../../electron/core/pdf/object-header';

/** the former test, on the Latin-1 text of the same bytes */
function byRegex(b: Buffer): number | undefined {
  const m = /^\s*(\d+)\s+\d+\s+obj\b/.exec(b.toString('latin1'));
  return m ? Number(m[1]) : undefined;
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('headerNumber', () => {
  it('reads the object number of well-formed and sloppy headers, refuses the rest', () => {
    const cases: [string, number | undefined][] = [
      ['12 0 obj\n<<>>', 12],
      ['  \r\n\t7   0\tobj<<', 7],
      ['\xa05 0 obj ', 5], // no-break space counted as space, as /\s/ did
      ['0012 0 obj%', 12],
      ['12 0 obj', 12], // ends right after the keyword
      ['12 0 objx', undefined],
      ['12 0 obj_', undefined],
      ['12 0 obj9', undefined],
      ['12 0 ob', undefined],
      ['12 obj', undefined],
      ['12  0obj', undefined],
      ['-12 0 obj', undefined],
      ['x12 0 obj', undefined],
      ['12 0 OBJ', undefined],
      ['\x8512 0 obj', undefined], // NEL is not /\s/
      ['', undefined],
    ];
    for (const [text, want] of cases) {
      expect(headerNumber(latin1(text)), JSON.stringify(text)).toBe(want);
      expect(byRegex(latin1(text)), JSON.stringify(text)).toBe(want);
    }
  });

  it('agrees with the regular expression on random headers', () => {
    const alphabet = [
      '0',
      '1',
      '7',
      '9',
      ' ',
      '\n',
      '\t',
      '\x0b',
      '\xa0',
      '\x85',
      'o',
      'b',
      'j',
      'x',
      '_',
      '<',
      '%',
    ];
    let seed = 22;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = next() % 16;
      for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length];
      // often a real header with noise around it
      if (next() % 2) s = s.slice(0, next() % 4) + `${next() % 1000} ${next() % 3} obj` + s;
      const b = latin1(s).subarray(0, 40);
      expect(headerNumber(b), JSON.stringify(s)).toBe(byRegex(b));
      // the same bytes inside a bigger window (the reader's cached block): read from `from`, 40 bytes at most
      const lead = next() % 5;
      const inBlock = Buffer.concat([latin1('7 0 obj '.slice(0, lead)), latin1(s), latin1(' 9 0 obj')]);
      expect(headerNumber(inBlock, 40, lead), JSON.stringify(s)).toBe(
        byRegex(inBlock.subarray(lead, lead + 40)),
      );
    }
  });
});
