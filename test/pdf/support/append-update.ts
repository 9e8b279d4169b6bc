/**
 * Incremental updates written by a few lines of test code (the attacker's side of issue 18): plain objects
 * with the file's own xref style, or objects packed into a new object stream located by an xref stream.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PdfReader } from '../../../electron/core/pdf/pdf-reader';
import { buildIncrement, nextObjectNumber } from '../../../electron/core/pdf/incremental-writer';
import {
  name,
  PdfDict,
  PdfStream,
  PdfString,
  ref,
  type PdfValue,
} from '../../../electron/core/pdf/pdf-objects';
import { serializeObject, serializeValue } from '../../../electron/core/pdf/pdf-serialize';

export type MakeObjects = (reader: PdfReader, next: number) => [number, PdfValue][];

/** appends an update made of `make`'s objects (number → new value) to a copy of `input` */
export function appendUpdate(input: string, output: string, make: MakeObjects): string {
  const reader = PdfReader.open(input);
  try {
    const objs = make(reader, nextObjectNumber(reader)).map(([num, value]) => ({ num, gen: 0, value }));
    writeFileSync(output, Buffer.concat([readFileSync(input), buildIncrement(reader, objs).bytes]));
  } finally {
    reader.close();
  }
  return output;
}

/**
 * appends an update whose objects all live in a new object stream (ISO 32000-1 §7.5.7), located by an xref
 * stream; `streamNum` may reuse an existing number (an object stream redefined)
 */
export function appendObjStmUpdate(
  input: string,
  output: string,
  make: MakeObjects,
  /** reuse this object number for the new stream; listMembers false: the members' entries are not rewritten */
  opts: { streamNum?: number; listMembers?: boolean } = {},
): string {
  const { streamNum, listMembers = true } = opts;
  const reader = PdfReader.open(input);
  try {
    const next = nextObjectNumber(reader);
    const objs = make(reader, next);
    const stmNum = streamNum ?? next + objs.length;
    const xrefNum = Math.max(next + objs.length, stmNum) + 1;
    const bodies = objs.map(([, v]) => serializeValue(v) + '\n');
    let at = 0;
    const header = objs
      .map(([n], i) => {
        const s = `${n} ${at}`;
        at += Buffer.byteLength(bodies[i]!, 'latin1');
        return s;
      })
      .join(' ');
    const first = header.length + 1;
    const data = Buffer.from(`${header}\n${bodies.join('')}`, 'latin1');
    const stm = new PdfStream(
      new PdfDict().set('Type', name('ObjStm')).set('N', objs.length).set('First', first),
      -1,
      data.length,
      data,
    );
    const original = readFileSync(input);
    const stmAt = original.length + 1;
    const stmBytes = serializeObject(stmNum, 0, stm);
    const xrefAt = stmAt + stmBytes.length;
    const rows: [number, number, number, number][] = listMembers
      ? objs.map(([n], i) => [n, 2, stmNum, i])
      : [];
    rows.push([stmNum, 1, stmAt, 0], [xrefNum, 1, xrefAt, 0]);
    rows.sort((a, b) => a[0] - b[0]);
    const table = Buffer.alloc(rows.length * 7);
    rows.forEach(([, type, f2, f3], i) => {
      table[i * 7] = type;
      table.writeUInt32BE(f2, i * 7 + 1);
      table.writeUInt16BE(f3, i * 7 + 5);
    });
    const id = reader.trailer.get('ID');
    const dict = new PdfDict()
      .set('Type', name('XRef'))
      .set('Size', Math.max(xrefNum + 1, next))
      .set('Root', reader.trailer.get('Root') ?? null)
      .set('Prev', reader.sections[0]!.offset)
      .set('W', [1, 4, 2])
      .set(
        'Index',
        rows.flatMap(([n]) => [n, 1]),
      );
    if (id) dict.set('ID', id);
    const info = reader.trailer.get('Info');
    if (info) dict.set('Info', info);
    const xref = serializeObject(xrefNum, 0, new PdfStream(dict, -1, table.length, table));
    writeFileSync(
      output,
      Buffer.concat([
        original,
        Buffer.from('\n'),
        stmBytes,
        xref,
        Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1'),
      ]),
    );
  } finally {
    reader.close();
  }
  return output;
}

/** a content stream held in memory */
export function contentStream(text: string, dict = new PdfDict()): PdfStream {
  const data = Buffer.from(text, 'latin1');
  return new PdfStream(dict, -1, data.length, data);
}

export const str = (s: string): PdfString => new PdfString(Buffer.from(s, 'latin1'));

/** qpdf --check: 0 = clean, 3 = warnings only */
export function qpdfCheck(file: string): number {
  try {
    execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
    return 0;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
}

/** the page object `page` with annotation `num` appended to its /Annots: an [object number, value] pair */
export function withAnnotation(r: PdfReader, page: number, num: number): [number, PdfValue] {
  const d = (r.latest.get(page) as PdfDict).clone();
  d.set('Annots', [...((d.get('Annots') as PdfValue[] | undefined) ?? []), ref(num)]);
  return [page, d];
}
