/**
 * Crafted PDFs for the reader's bounds (issue 19): a few objects written by hand, indexed by a classic xref
 * table or by an xref stream whose rows the caller may forge. Each file is small; what it declares is not.
 */
import { deflateSync } from 'node:zlib';

export type Body = string | Buffer;

export interface HostileObject {
  num: number;
  /** the object's text between `N 0 obj` and `endobj` */
  body: Body;
}

/** `<< dict /Length n >> stream … endstream` with the data as given (already encoded) */
export function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** `bytes` zero bytes deflated `times` times over ([/FlateDecode /FlateDecode …]): a flate bomb */
export function bomb(bytes: number, times = 2): Buffer {
  let d = deflateSync(Buffer.alloc(bytes), { level: 9 });
  for (let i = 1; i < times; i++) d = deflateSync(d, { level: 9 });
  return d;
}

export function filters(times: number): string {
  return `/Filter [${' /FlateDecode'.repeat(times)} ]`;
}

/** the objects laid out after a header, with their offsets */
function layout(objects: HostileObject[]): { parts: Buffer[]; offsets: Map<number, number>; end: number } {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets = new Map<number, number>();
  for (const o of objects) {
    offsets.set(o.num, at);
    const b = Buffer.concat([
      Buffer.from(`${o.num} 0 obj\n`, 'latin1'),
      Buffer.isBuffer(o.body) ? o.body : Buffer.from(o.body, 'latin1'),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(b);
    at += b.length;
  }
  return { parts, offsets, end: at };
}

/** A PDF with a classic xref table (one subsection from 0) and the given trailer entries. */
export function tablePdf(
  objects: HostileObject[],
  trailer: string | ((xrefAt: number) => string) = '/Root 1 0 R',
  table?: string,
): Buffer {
  const { parts, offsets, end } = layout(objects);
  const size = Math.max(...objects.map((o) => o.num)) + 1;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) {
    const off = offsets.get(n);
    xref += off === undefined ? '0000000000 00000 f \n' : `${String(off).padStart(10, '0')} 00000 n \n`;
  }
  parts.push(
    Buffer.from(
      `${table ?? xref}trailer\n<< /Size ${size} ${typeof trailer === 'string' ? trailer : trailer(end)} >>\nstartxref\n${end}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

export type Row = [type: number, field2: number, field3: number];

/**
 * A PDF indexed by an xref stream (object `xrefNum`, /W [1 4 2]). `rows(offsets, xrefOffset)` gives the rows for
 * the objects 0…n (or `dict` forges /Size, /Index, /Prev, /Filter…); `data` replaces the encoded rows.
 */
export function xrefStreamPdf(
  objects: HostileObject[],
  opts: {
    xrefNum: number;
    rows?: (offsets: Map<number, number>, xrefAt: number) => Row[];
    dict?: string;
    data?: Buffer;
  },
): Buffer {
  const { parts, offsets, end } = layout(objects);
  offsets.set(opts.xrefNum, end);
  const rows =
    opts.rows?.(offsets, end) ??
    Array.from({ length: opts.xrefNum + 1 }, (_, n): Row => {
      const off = offsets.get(n);
      return off === undefined ? [0, 0, 0] : [1, off, 0];
    });
  const data =
    opts.data ??
    Buffer.concat(
      rows.map(([t, f2, f3]) => {
        const b = Buffer.alloc(7);
        b[0] = t;
        b.writeUInt32BE(f2, 1);
        b.writeUInt16BE(f3, 5);
        return b;
      }),
    );
  const dict = opts.dict ?? `/Size ${rows.length}`;
  parts.push(
    Buffer.from(`${opts.xrefNum} 0 obj\n`, 'latin1'),
    stream(`/Type /XRef /W [1 4 2] /Root 1 0 R ${dict}`, data),
    Buffer.from(`\nendobj\nstartxref\n${end}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(parts);
}

/** catalog (1), pages (2), one page (3) and an unsigned-yet signature field (4) whose /V is object 5 */
export function signedShell(sigDict: string): HostileObject[] {
  return [
    { num: 1, body: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>' },
    { num: 2, body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { num: 3, body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>' },
    {
      num: 4,
      body: '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Sig1) /V 5 0 R /Rect [0 0 0 0] /P 3 0 R /F 132 >>',
    },
    { num: 5, body: `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${sigDict} >>` },
  ];
}
