/**
 * A damaged cross-reference makes viewers rebuild the whole table by scanning (the last `N G obj` of the file wins
 * for every object: poppler, pdf.js, qpdf), while Sigillo's reader repairs only the entries it reads. An update
 * that appends a redefinition of the signed page content that no entry lists, and breaks one entry on purpose
 * (pointing at another object, or naming another generation), showed the forged page in every viewer and passed
 * here with "nothing changed". Each case signs a handwritten PDF and appends the update byte by byte.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { FileSource } from '../../electron/core/pdf/file-source';
import { writeHandwritten } from './support/make-pdf';
import { signFile } from './support/signers';
import { modsAfter } from './support/signed-fields';

const fx = inject('fixture');

const FAKE = 'BT /F1 18 Tf 72 720 Td (PAGARE 900 EUR) Tj ET';

interface Signed {
  bytes: Buffer;
  prev: number;
  size: number;
  /** offset of object `num` in the signed file */
  offsetOf(num: number): number;
}

function signedInfo(file: string): Signed {
  const r = PdfReader.open(file);
  try {
    const size = Number(r.trailer.get('Size'));
    const offsets = new Map<number, number>();
    for (let n = 1; n < size; n++) {
      const e = r.latest.entry(n);
      if (e?.type === 'offset') offsets.set(n, e.offset);
    }
    return { bytes: readFileSync(file), prev: r.sections[0]!.offset, size, offsetOf: (n) => offsets.get(n)! };
  } finally {
    r.close();
  }
}

/**
 * appends `objects` (their bodies, in order) and a classic section whose rows are `rows(offsets of the appended
 * objects, by position)`: object number → `NNNNNNNNNN GGGGG n`
 */
function update(
  s: Signed,
  out: string,
  objects: string[],
  rows: (at: number[]) => [number, string][],
): string {
  const parts: Buffer[] = [s.bytes];
  let pos = s.bytes.length;
  const at: number[] = [];
  for (const body of objects) {
    at.push(pos);
    const b = Buffer.from(body, 'latin1');
    parts.push(b);
    pos += b.length;
  }
  let table = 'xref\n';
  for (const [num, row] of rows(at)) table += `${num} 1\n${row} \n`;
  table +=
    `trailer\n<< /Size ${s.size} /Root 1 0 R /Prev ${s.prev} ` +
    `/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n${pos}\n%%EOF\n`;
  parts.push(Buffer.from(table, 'latin1'));
  writeFileSync(out, Buffer.concat(parts));
  return out;
}

const off = (n: number) => String(n).padStart(10, '0');
/** page 1's content (object 5) redefined, listed by no entry */
const STRAY = `5 0 obj\n<< /Length ${FAKE.length} >>\nstream\n${FAKE}\nendstream\nendobj\n`;

describe('updates that make viewers rebuild the cross-reference', () => {
  let dir: string;
  let s: Signed;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-rebuilt-'));
    const input = writeHandwritten(join(dir, 'doc.pdf'), { pages: 2 });
    s = signedInfo(await signFile(fx.pki, input, join(dir, 'doc-signed.pdf')));
  });

  function expectRefusedFor5(file: string): void {
    const m = modsAfter(file, 2);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(
      expect.objectContaining({ rule: 'xref-history', allowed: false, object: 5 }),
    );
  }

  it('a stray page content and the catalog entry pointing at it: refused, object 5 named', () => {
    expectRefusedFor5(update(s, join(dir, 'stray-at.pdf'), [STRAY], (at) => [[1, `${off(at[0]!)} 00000 n`]]));
  });

  it('a stray page content and the catalog entry past the end of the file: refused', () => {
    expectRefusedFor5(
      update(s, join(dir, 'stray-past.pdf'), [STRAY], () => [[1, `${off(99_999_999)} 00000 n`]]),
    );
  });

  it('a stray page content and the catalog entry naming generation 1 (its header says 0): refused', () => {
    expectRefusedFor5(
      update(s, join(dir, 'stray-gen.pdf'), [STRAY], () => [[1, `${off(s.offsetOf(1))} 00001 n`]]),
    );
  });

  it('a damaged entry alone (the catalog rewritten unchanged, its entry off): the rebuild reads the same, allowed', () => {
    const r = PdfReader.open(join(dir, 'doc-signed.pdf'));
    let catalog: string;
    try {
      const e = r.latest.entry(1);
      if (e?.type !== 'offset') throw new Error('catalog not at an offset');
      const raw = s.bytes.subarray(e.offset, s.bytes.indexOf('endobj', e.offset) + 6).toString('latin1');
      catalog = `${raw}\n`;
    } finally {
      r.close();
    }
    // the entry points at the page object (another number): the reader repairs it by scanning
    const f = update(s, join(dir, 'sloppy.pdf'), [catalog], () => [[1, `${off(s.offsetOf(4))} 00000 n`]]);
    const m = modsAfter(f, 2);
    expect(m.items.filter((i) => !i.allowed)).toEqual([]);
    expect(m.allowed).toBe(true);
  });
});

describe('file source without blocks (SIGILLO_NO_FAST=1)', () => {
  const before = process.env.SIGILLO_NO_FAST;
  afterEach(() => {
    if (before === undefined) delete process.env.SIGILLO_NO_FAST;
    else process.env.SIGILLO_NO_FAST = before;
  });

  it('reads zero bytes (an empty stream) as an empty buffer, not a RangeError', () => {
    const f = join(mkdtempSync(join(fx.root, 'pdf-src-')), 'x.bin');
    writeFileSync(f, Buffer.alloc(2000, 0x41));
    process.env.SIGILLO_NO_FAST = '1';
    const src = new FileSource(f);
    try {
      expect(src.read(907, 0).length).toBe(0);
      expect(src.read(907, 3).toString()).toBe('AAA');
    } finally {
      src.close();
    }
  });
});
