/** The PDF object model used by Sigillo's own reader and incremental writer (ISO 32000-1 §7.3). */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  toString(): string {
    return `${this.num} ${this.gen} R`;
  }
}

export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
  ) {}
  /** text as PDF text string: UTF-16BE with BOM, else PDFDocEncoding (approximated by Latin-1) */
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
      return s;
    }
    return Buffer.from(b).toString('latin1');
  }
}

export class PdfDict {
  readonly map = new Map<string, PdfValue>();
  constructor(entries?: Iterable<[string, PdfValue]>) {
    // the parser makes thousands of empty ones: no iterator over a default empty list for each
    if (entries) for (const [k, v] of entries) this.map.set(k, v);
  }
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  set(key: string, value: PdfValue): this {
    this.map.set(key, value);
    return this;
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  clone(): PdfDict {
    return new PdfDict(this.map);
  }
}

/** A stream as found in the file: its dictionary and where its raw (still encoded) bytes are. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** absolute file offset of the first data byte, or -1 when `data` holds the bytes */
    readonly dataOffset: number,
    readonly length: number,
    /** raw bytes for streams built in memory (the writer) */
    readonly data?: Uint8Array,
  ) {}
}

/** Bytes written verbatim (the writer's fixed-width placeholders). */
export class PdfRaw {
  constructor(readonly text: string) {}
}

export type PdfValue =
  PdfRaw | null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

export const name = (n: string): PdfName => new PdfName(n);
export const ref = (num: number, gen = 0): PdfRef => new PdfRef(num, gen);

export function isName(v: PdfValue | undefined, n?: string): v is PdfName {
  return v instanceof PdfName && (n === undefined || v.name === n);
}

export function asDict(v: PdfValue | undefined): PdfDict | undefined {
  if (v instanceof PdfDict) return v;
  if (v instanceof PdfStream) return v.dict;
  return undefined;
}

export function asNumber(v: PdfValue | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

export function asArray(v: PdfValue | undefined): PdfValue[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** A PDF text string: PDFDocEncoding when the text is Latin-1 printable, else UTF-16BE with BOM. */
export function textString(s: string): PdfString {
  if (/^[\x20-\x7e\xa0-\xff]*$/.test(s)) return new PdfString(Buffer.from(s, 'latin1'));
  const b = Buffer.alloc(2 + s.length * 2);
  b[0] = 0xfe;
  b[1] = 0xff;
  for (let i = 0; i < s.length; i++) b.writeUInt16BE(s.charCodeAt(i), 2 + i * 2);
  return new PdfString(b);
}

/** A PDF date string (ISO 32000-1 §7.9.4) in UTC. */
export function pdfDate(d: Date): PdfString {
  const iso = d.toISOString();
  return new PdfString(Buffer.from(`D:${iso.slice(0, 19).replace(/[-:T]/g, '')}Z`, 'latin1'));
}

/** Parses a PDF date string (D:YYYYMMDDHHmmSSOHH'mm') to ISO 8601; undefined when unreadable. */
export function parsePdfDate(s: string): string | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(
    s.trim(),
  );
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const offset = sign === '+' || sign === '-' ? `${sign}${oh}:${om}` : 'Z';
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
