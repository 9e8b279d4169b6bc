/**
 * Classic xref rows in the usual fixed form are read straight from the bytes (xref.ts fixedRow, issue 22); any
 * other form — other widths, several spaces, tabs, comments, CR/LF variants — goes through the lenient reading,
 * and a table cut by the window's end asks for more bytes wherever it is cut, never giving a shorter table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../electron/core/pdf/xref';
import { NeedMoreBytes, PdfParser } from '../../electron/core/pdf/pdf-parser';
import type { XrefEntry } from '../../electron/core/pdf/xref';

interface Row {
  off: number;
  gen: number;
  kind: 'n' | 'f';
  /** 0: fixed form; 1: no padding; 2: tabs and two spaces; 3: a comment before it */
  form: number;
  eol: string;
}

function rowText(r: Row): string {
  const off = String(r.off);
  const gen = String(r.gen);
  if (r.form === 0) return `${off.padStart(10, '0')} ${gen.padStart(5, '0')} ${r.kind}${r.eol}`;
  if (r.form === 1) return `${off} ${gen} ${r.kind}${r.eol}`;
  if (r.form === 2) return `${off}\t ${gen}  ${r.kind}${r.eol}`;
  return `% a comment\n${off.padStart(10, '0')} ${gen.padStart(5, '0')} ${r.kind}${r.eol}`;
}

const row = fc.record({
  off: fc.integer({ min: 0, max: 9_999_999_999 }),
  gen: fc.integer({ min: 0, max: 65_534 }),
  kind: fc.constantFrom('n' as const, 'f' as const),
  form: fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
  ),
  eol: fc.constantFrom('\r\n', ' \n', ' \r', '\n', '\r'),
});

function table(start: number, rows: Row[]): Buffer {
  return Buffer.from(
    `xref\n${start} ${rows.length}\n${rows.map(rowText).join('')}trailer\n<< /Size 9 >>\n`,
    'latin1',
  );
}

/** the entries the table means: row i is object start + i, the first of a number kept */
function model(start: number, rows: Row[]): Map<number, XrefEntry> {
  const m = new Map<number, XrefEntry>();
  rows.forEach((r, i) => {
    const num = start + i;
    if (m.has(num)) return;
    m.set(
      num,
      r.kind === 'n' ? { type: 'offset', offset: r.off, gen: r.gen } : { type: 'free', next: r.gen },
    );
  });
  return m;
}

describe('xref table rows', () => {
  it('reads fixed and lenient rows alike, in any mix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1000 }), fc.array(row, { maxLength: 40 }), (start, rows) => {
        const bytes = table(start, rows);
        const t = parseTable(new PdfParser(bytes), 1 << 30);
        expect([...t.entries]).toEqual([...model(start, rows)]);
        expect(t.end).toBe(bytes.length - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('asks for more bytes wherever the window cuts the table', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.nat(), (rows, at) => {
        const bytes = table(5, rows);
        // cut anywhere before the trailer dictionary is closed
        const cut = bytes.subarray(0, 6 + (at % (bytes.indexOf('>>') - 5)));
        let got: unknown;
        try {
          got = parseTable(new PdfParser(cut, 0, false), 1 << 30);
        } catch (e) {
          got = e;
        }
        expect(got).toBeInstanceOf(NeedMoreBytes);
      }),
      { numRuns: 300 },
    );
  });
});
