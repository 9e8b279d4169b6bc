/**
 * Updates that PDF readers read differently (issue 18): whatever Sigillo reads, a viewer that reads the other
 * way shows another page, so such an update after signing is never "nothing changed".
 * - an object stream listing the same member number twice (pdf.js 5 takes the last, Sigillo took the indexed one)
 *   or whose xref index names another member (poppler: no object, older pdf.js: that member; Sigillo searched
 *   by number) — ISO 32000-1 §7.5.7, pyHanko refuses both;
 * - a hybrid update whose table frees an object its /XRefStm keeps at the signed offset: a free entry whose next
 *   generation follows the object's deletes it (pyHanko, pdf.js), and a placeholder free entry (65535) that hides
 *   an object of the signed revision from table-first readers is refused (ISO 32000-1 §7.5.8.4).
 * Each case signs a handwritten PDF and appends the update byte by byte.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { PdfDict, ref } from '../../electron/core/pdf/pdf-objects';
import { serializeValue } from '../../electron/core/pdf/pdf-serialize';
import { writeHandwritten } from './support/make-pdf';
import { signFile } from './support/signers';
import { modsAfter } from './support/signed-fields';

const fx = inject('fixture');

function streamObject(num: number, dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`${num} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
}

/** the rows of an xref stream, /W [1 4 2] */
function xrefRows(rows: [number, number, number, number][]): { data: Buffer; index: string } {
  const sorted = [...rows].sort((a, b) => a[0] - b[0]);
  const data = Buffer.alloc(sorted.length * 7);
  sorted.forEach(([, type, f2, f3], i) => {
    data[i * 7] = type;
    data.writeUInt32BE(f2, i * 7 + 1);
    data.writeUInt16BE(f3, i * 7 + 5);
  });
  return { data, index: sorted.map(([n]) => `${n} 1`).join(' ') };
}

interface Signed {
  file: string;
  bytes: Buffer;
  /** startxref of the signed file */
  prev: number;
  /** the next free object number */
  size: number;
  /** offset of object `num` in the signed file */
  offsetOf(num: number): number;
  /** page 1 (object 4) as signed, drawing content stream `content` */
  page(content: number): string;
}

function signedInfo(file: string): Signed {
  const r = PdfReader.open(file);
  try {
    const size = Number(r.trailer.get('Size'));
    const r1 = r.latest.get(4);
    const offsets = new Map<number, number>();
    for (let n = 1; n < size; n++) {
      const e = r.latest.entry(n);
      if (e?.type === 'offset') offsets.set(n, e.offset);
    }
    return {
      file,
      bytes: readFileSync(file),
      prev: r.sections[0]!.offset,
      size,
      offsetOf: (n) => offsets.get(n)!,
      page: (content) => serializeValue((r1 as PdfDict).clone().set('Contents', ref(content))),
    };
  } finally {
    r.close();
  }
}

/**
 * appends an object stream `stm` holding `members` (number and body, numbers may repeat), the extra objects
 * `extra`, and an xref stream whose rows are `rows(offsets)` (offsets of stm and the extras by number)
 */
function objStmUpdate(
  s: Signed,
  out: string,
  members: [number, string][],
  extra: [number, Buffer][],
  rows: (at: Map<number, number>) => [number, number, number, number][],
): string {
  const stm = s.size;
  const xref = s.size + 1;
  let pos = 0;
  const bodies = members.map(([, b]) => `${b}\n`);
  const header = members
    .map(([n], i) => {
      const h = `${n} ${pos}`;
      pos += Buffer.byteLength(bodies[i]!, 'latin1');
      return h;
    })
    .join(' ');
  const data = Buffer.from(`${header}\n${bodies.join('')}`, 'latin1');
  const parts: Buffer[] = [s.bytes, Buffer.from('\n')];
  let at = s.bytes.length + 1;
  const offsets = new Map<number, number>();
  for (const [num, bytes] of [
    [stm, streamObject(stm, `/Type /ObjStm /N ${members.length} /First ${header.length + 1}`, data)],
    ...extra,
  ] as [number, Buffer][]) {
    offsets.set(num, at);
    parts.push(bytes);
    at += bytes.length;
  }
  const { data: table, index } = xrefRows([
    ...rows(offsets),
    [stm, 1, offsets.get(stm)!, 0],
    [xref, 1, at, 0],
  ]);
  parts.push(
    streamObject(
      xref,
      `/Type /XRef /Size ${xref + 1} /Root 1 0 R /Prev ${s.prev} /W [1 4 2] /Index [${index}]`,
      table,
    ),
    Buffer.from(`startxref\n${at}\n%%EOF\n`, 'latin1'),
  );
  writeFileSync(out, Buffer.concat(parts));
  return out;
}

/**
 * appends a hybrid section: a table with the rows `tableRows` (object number → `NNNNNNNNNN GGGGG f|n`) and a
 * /XRefStm stream whose rows are `streamRows`
 */
function hybridUpdate(
  s: Signed,
  out: string,
  tableRows: [number, string][],
  streamRows: [number, number, number, number][],
): string {
  const xrefStm = s.size;
  const stmAt = s.bytes.length + 1;
  const { data, index } = xrefRows(streamRows);
  const stmObj = streamObject(xrefStm, `/Type /XRef /Size ${xrefStm + 1} /W [1 4 2] /Index [${index}]`, data);
  const tableAt = stmAt + stmObj.length;
  let table = 'xref\n';
  for (const [num, row] of [...tableRows, [xrefStm, `${String(stmAt).padStart(10, '0')} 00000 n`]] as [
    number,
    string,
  ][])
    table += `${num} 1\n${row} \n`;
  table +=
    `trailer\n<< /Size ${xrefStm + 1} /Root 1 0 R /Prev ${s.prev} /XRefStm ${stmAt} ` +
    `/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\n` +
    `startxref\n${tableAt}\n%%EOF\n`;
  writeFileSync(out, Buffer.concat([s.bytes, Buffer.from('\n'), stmObj, Buffer.from(table, 'latin1')]));
  return out;
}

const FAKE = Buffer.from('BT /F1 18 Tf 72 720 Td (PAGARE 900 EUR) Tj ET', 'latin1');

describe('updates that readers read differently', () => {
  let dir: string;
  let s: Signed;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-readers-'));
    const input = writeHandwritten(join(dir, 'doc.pdf'), { pages: 2 });
    s = signedInfo(await signFile(fx.pki, input, join(dir, 'doc-signed.pdf')));
  });

  it('an object stream listing the page twice (the copy first, the forged page last): refused', () => {
    const fake = s.size + 2;
    const f = objStmUpdate(
      s,
      join(dir, 'dup.pdf'),
      [
        [4, s.page(5)],
        [4, s.page(fake)],
      ],
      [[fake, streamObject(fake, '', FAKE)]],
      (at) => [
        [4, 2, s.size, 0],
        [fake, 1, at.get(fake)!, 0],
      ],
    );
    const m = modsAfter(f, 2);
    expect(m.allowed).toBe(false);
    expect(m.objects).toContain(4);
  });

  it('an xref index naming another member of the object stream: refused, not searched by number', () => {
    const fake = s.size + 2;
    const f = objStmUpdate(
      s,
      join(dir, 'index.pdf'),
      [
        [fake + 1, s.page(fake)],
        [4, s.page(5)],
      ],
      [[fake, streamObject(fake, '', FAKE)]],
      (at) => [
        [4, 2, s.size, 0],
        [fake, 1, at.get(fake)!, 0],
      ],
    );
    const m = modsAfter(f, 2);
    expect(m.allowed).toBe(false);
    expect(m.objects).toContain(4);
  });

  it('an honest object-stream update of the page (listed once, at its index) is still read and judged', () => {
    const f = objStmUpdate(s, join(dir, 'honest.pdf'), [[4, s.page(5)]], [], () => [[4, 2, s.size, 0]]);
    expect(modsAfter(f, 2).allowed).toBe(true);
  });

  it("a hybrid table freeing the page's content (next generation 1) while its stream keeps the signed offset: deleted", () => {
    const f = hybridUpdate(
      s,
      join(dir, 'hybrid-free.pdf'),
      [[5, '0000000000 00001 f']],
      [[5, 1, s.offsetOf(5), 0]],
    );
    const m = modsAfter(f, 2);
    expect(m.allowed).toBe(false);
    expect(m.objects).toContain(5);
  });

  it('a placeholder free entry (65535) hiding a signed object from table-first readers: refused', () => {
    const f = hybridUpdate(
      s,
      join(dir, 'hybrid-65535.pdf'),
      [[5, '0000000000 65535 f']],
      [[5, 1, s.offsetOf(5), 0]],
    );
    const m = modsAfter(f, 2);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(
      expect.objectContaining({ rule: 'xref-history', allowed: false, object: 5 }),
    );
  });

  it('a placeholder for a new object kept in the hidden stream (what hybrid writers do): no change', () => {
    const extra = s.size + 1;
    const f = hybridUpdate(
      s,
      join(dir, 'hybrid-new.pdf'),
      [[extra, '0000000000 65535 f']],
      [[extra, 1, 9, 0]],
    );
    const m = modsAfter(f, 2);
    expect(m.items.filter((i) => !i.allowed)).toEqual([]);
    expect(m.allowed).toBe(true);
  });
});
