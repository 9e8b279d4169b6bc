/**
 * Just enough TrueType (Apple/OpenType 'glyf' fonts) to embed a font in a signature appearance: metrics, the
 * (3,1) cmap, the embedding permission, and a glyph subset that keeps glyph ids (unused glyphs emptied, hinting
 * and layout tables dropped), so the appearance stays small and PDF/A-friendly.
 */
import { createHash } from 'node:crypto';

export interface TrueTypeFont {
  postscriptName: string;
  unitsPerEm: number;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  bold: boolean;
  /** OS/2 fsType allows embedding (not "restricted license") */
  embeddable: boolean;
  glyphFor(codePoint: number): number;
  advance(glyph: number): number;
  /** a font file with only these glyphs (and .notdef and composite parts) drawn */
  subset(glyphs: Iterable<number>): Buffer;
}

const KEEP = [
  'cmap',
  'cvt ',
  'fpgm',
  'glyf',
  'head',
  'hhea',
  'hmtx',
  'loca',
  'maxp',
  'name',
  'post',
  'prep',
  'OS/2',
];

function tables(buf: Buffer): Map<string, Buffer> {
  const n = buf.readUInt16BE(4);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = buf.toString('latin1', rec, rec + 4);
    const off = buf.readUInt32BE(rec + 8);
    const len = buf.readUInt32BE(rec + 12);
    if (off + len > buf.length) throw new RangeError(`table ${tag} out of the file`);
    out.set(tag, buf.subarray(off, off + len));
  }
  return out;
}

function cmap31(cmap: Buffer): (cp: number) => number {
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const off = cmap.readUInt32BE(8 + i * 8);
    if (platform !== 3 || encoding !== 1 || cmap.readUInt16BE(off) !== 4) continue;
    const segX2 = cmap.readUInt16BE(off + 6);
    const ends = off + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    return (cp) => {
      for (let s = 0; s < segX2 / 2; s++) {
        const end = cmap.readUInt16BE(ends + s * 2);
        if (cp > end) continue;
        const start = cmap.readUInt16BE(starts + s * 2);
        if (cp < start) return 0;
        const delta = cmap.readInt16BE(deltas + s * 2);
        const ro = cmap.readUInt16BE(ranges + s * 2);
        if (ro === 0) return (cp + delta) & 0xffff;
        const g = cmap.readUInt16BE(ranges + s * 2 + ro + (cp - start) * 2);
        return g === 0 ? 0 : (g + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new RangeError('no Unicode (3,1) format 4 cmap');
}

function postscriptName(name: Buffer | undefined): string {
  if (!name) return 'Font';
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    if (name.readUInt16BE(r + 6) !== 6) continue;
    const platform = name.readUInt16BE(r);
    const len = name.readUInt16BE(r + 8);
    const raw = name.subarray(strings + name.readUInt16BE(r + 10), strings + name.readUInt16BE(r + 10) + len);
    const text = platform === 3 ? Buffer.from(raw).swap16().toString('utf16le') : raw.toString('latin1');
    return text.replace(/[^A-Za-z0-9-]/g, '') || 'Font';
  }
  return 'Font';
}

function checksum(b: Buffer): number {
  let sum = 0;
  const padded = b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** writes an sfnt file from tables (sorted tags, 4-byte aligned, checksums, head.checkSumAdjustment) */
function writeSfnt(t: Map<string, Buffer>): Buffer {
  const tags = [...t.keys()].sort();
  const header = Buffer.alloc(12 + 16 * tags.length);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(tags.length, 4);
  let pow = 1;
  while (pow * 2 <= tags.length) pow *= 2;
  header.writeUInt16BE(pow * 16, 6);
  header.writeUInt16BE(Math.log2(pow), 8);
  header.writeUInt16BE(tags.length * 16 - pow * 16, 10);
  const bodies: Buffer[] = [];
  let off = header.length;
  tags.forEach((tag, i) => {
    const data = t.get(tag)!;
    const rec = 12 + 16 * i;
    header.write(tag, rec, 'latin1');
    header.writeUInt32BE(checksum(data), rec + 4);
    header.writeUInt32BE(off, rec + 8);
    header.writeUInt32BE(data.length, rec + 12);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    off += padded.length;
  });
  const file = Buffer.concat([header, ...bodies]);
  const headAt = header.readUInt32BE(12 + 16 * tags.indexOf('head') + 8);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}

export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const buf = Buffer.from(bytes);
  const t = tables(buf);
  const need = (tag: string) => {
    const b = t.get(tag);
    if (!b) throw new RangeError(`missing table ${tag}`);
    return b;
  };
  const head = need('head');
  const hhea = need('hhea');
  const hmtx = need('hmtx');
  const loca = need('loca');
  const glyf = need('glyf');
  const numGlyphs = need('maxp').readUInt16BE(4);
  const os2 = t.get('OS/2');
  const unitsPerEm = head.readUInt16BE(18);
  const longLoca = head.readInt16BE(50) === 1;
  const nMetrics = hhea.readUInt16BE(34);
  const offset = (g: number) => (longLoca ? loca.readUInt32BE(g * 4) : loca.readUInt16BE(g * 2) * 2);
  const lookup = cmap31(need('cmap'));
  const components = (g: number): number[] => {
    const start = offset(g);
    const end = offset(g + 1);
    if (end <= start || glyf.readInt16BE(start) >= 0) return [];
    const out: number[] = [];
    let p = start + 10;
    for (;;) {
      const flags = glyf.readUInt16BE(p);
      out.push(glyf.readUInt16BE(p + 2));
      p += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      if (!(flags & 0x20)) return out;
    }
  };
  return {
    postscriptName: postscriptName(t.get('name')),
    unitsPerEm,
    bbox: [head.readInt16BE(36), head.readInt16BE(38), head.readInt16BE(40), head.readInt16BE(42)],
    ascent: hhea.readInt16BE(4),
    descent: hhea.readInt16BE(6),
    capHeight: os2 && os2.readUInt16BE(0) >= 2 ? os2.readInt16BE(88) : hhea.readInt16BE(4),
    italicAngle: need('post').readInt32BE(4) / 65536,
    bold: os2 ? os2.readUInt16BE(4) >= 600 : false,
    embeddable: !os2 || (os2.readUInt16BE(8) & 0x000f) !== 0x0002,
    glyphFor: lookup,
    advance: (g) => hmtx.readUInt16BE(Math.min(g, nMetrics - 1) * 4),
    subset(glyphs) {
      const keep = new Set<number>([0]);
      const todo = [...glyphs];
      while (todo.length) {
        const g = todo.pop()!;
        if (g >= numGlyphs || keep.has(g)) continue;
        keep.add(g);
        todo.push(...components(g));
      }
      const newLoca = Buffer.alloc((numGlyphs + 1) * 4);
      const parts: Buffer[] = [];
      let at = 0;
      for (let g = 0; g < numGlyphs; g++) {
        newLoca.writeUInt32BE(at, g * 4);
        if (!keep.has(g)) continue;
        const data = glyf.subarray(offset(g), offset(g + 1));
        const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
        parts.push(padded);
        at += padded.length;
      }
      newLoca.writeUInt32BE(at, numGlyphs * 4);
      const newHead = Buffer.from(head);
      newHead.writeInt16BE(1, 50);
      newHead.writeUInt32BE(0, 8);
      const out = new Map<string, Buffer>();
      for (const tag of KEEP) if (t.has(tag)) out.set(tag, t.get(tag)!);
      out.set('glyf', Buffer.concat(parts)).set('loca', newLoca).set('head', newHead);
      return writeSfnt(out);
    },
  };
}

/** six capital letters naming a subset (ISO 32000-1 §9.6.4) */
export function subsetTag(data: Uint8Array): string {
  const h = createHash('sha256').update(data).digest();
  return [...h.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}
