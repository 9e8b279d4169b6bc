/**
 * Builds an incremental update (ISO 32000-1 §7.5.6): the new and changed objects, then a cross-reference
 * section in the style of the file's last one (classic table, or xref stream), whose trailer keeps /Root,
 * /Info and the first /ID and points back with /Prev. The original bytes are never touched: the caller writes
 * them first, then these bytes.
 */
import { randomBytes } from 'node:crypto';
import { asArray, name, PdfDict, PdfStream, PdfString, type PdfValue } from './pdf-objects';
import { serializeObject, serializeValue } from './pdf-serialize';
import type { PdfReader } from './pdf-reader';

export interface IncrementObject {
  num: number;
  gen: number;
  value: PdfValue;
}

export interface Increment {
  bytes: Buffer;
  /** offset of each written object, relative to the start of the increment */
  offsets: Map<number, number>;
}

function trailerBase(reader: PdfReader, size: number): PdfDict {
  const old = reader.trailer;
  const d = new PdfDict().set('Size', size).set('Root', old.get('Root') ?? null);
  const info = old.get('Info');
  if (info !== undefined) d.set('Info', info);
  const id = asArray(old.get('ID'));
  const first = id?.[0] instanceof PdfString ? id[0] : new PdfString(randomBytes(16), true);
  d.set('ID', [first, new PdfString(randomBytes(16), true)]);
  d.set('Prev', reader.sections[0]!.offset);
  return d;
}

/** groups sorted object numbers into [start, count] runs */
function runs(nums: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of nums) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1]++;
    else out.push([n, 1]);
  }
  return out;
}

function tableSection(entries: Map<number, [number, number]>, trailer: PdfDict, xrefAt: number): Buffer {
  const nums = [...entries.keys()].sort((a, b) => a - b);
  let text = 'xref\n';
  for (const [start, count] of runs(nums)) {
    text += `${start} ${count}\n`;
    for (let n = start; n < start + count; n++) {
      const [off, gen] = entries.get(n)!;
      text += `${String(off).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`;
    }
  }
  text += `trailer\n${serializeValue(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

function streamSection(
  entries: Map<number, [number, number]>,
  trailer: PdfDict,
  xrefNum: number,
  xrefAt: number,
): Buffer {
  entries.set(xrefNum, [xrefAt, 0]);
  const nums = [...entries.keys()].sort((a, b) => a - b);
  const offBytes = xrefAt < 2 ** 32 ? 4 : 6;
  const data = Buffer.alloc(nums.length * (1 + offBytes + 2));
  let at = 0;
  for (const n of nums) {
    const [off, gen] = entries.get(n)!;
    data[at++] = 1;
    data.writeUIntBE(off, at, offBytes);
    at += offBytes;
    data.writeUInt16BE(gen, at);
    at += 2;
  }
  const dict = trailer.clone().set('Type', name('XRef'));
  dict.set('Size', Math.max(trailer.get('Size') as number, xrefNum + 1));
  dict.set('W', [1, offBytes, 2]);
  dict.set('Index', runs(nums).flat());
  const obj = serializeObject(xrefNum, 0, new PdfStream(dict, -1, data.length, data));
  return Buffer.concat([obj, Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1')]);
}

/** The first object number free for new objects. */
export function nextObjectNumber(reader: PdfReader): number {
  let max = 0;
  for (const s of reader.sections) {
    const size = s.trailer.get('Size');
    if (typeof size === 'number') max = Math.max(max, size);
    for (const n of s.entries.keys()) max = Math.max(max, n + 1);
  }
  return max;
}

export function buildIncrement(reader: PdfReader, objects: IncrementObject[]): Increment {
  const base = reader.size;
  const lastByte = reader.src.read(base - 1, 1)[0];
  const chunks: Buffer[] = [];
  let length = 0;
  const push = (b: Buffer) => {
    chunks.push(b);
    length += b.length;
  };
  if (lastByte !== 10 && lastByte !== 13) push(Buffer.from('\n'));
  const offsets = new Map<number, number>();
  const entries = new Map<number, [number, number]>();
  for (const o of objects) {
    offsets.set(o.num, length);
    entries.set(o.num, [base + length, o.gen]);
    push(serializeObject(o.num, o.gen, o.value));
  }
  let size = nextObjectNumber(reader);
  for (const o of objects) size = Math.max(size, o.num + 1);
  const xrefAt = base + length;
  if (reader.sections[0]!.kind === 'stream') {
    const xrefNum = size;
    push(streamSection(entries, trailerBase(reader, size + 1), xrefNum, xrefAt));
  } else {
    push(tableSection(entries, trailerBase(reader, size), xrefAt));
  }
  return { bytes: Buffer.concat(chunks, length), offsets };
}
