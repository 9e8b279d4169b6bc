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

/**
 * A string the security handler could not decrypt (AES data that is not an IV and whole blocks): its bytes as
 * written, never the same value as a decrypted string of the same bytes (pdf-diff.ts).
 */
export class PdfOpaqueString extends PdfString {}

/** entries kept as a short list (no Map per dictionary) up to this count */
const SMALL_DICT = 12;

/**
 * A dictionary: insertion-ordered keys, setting a key again keeps its place (a Map's semantics). Small
 * dictionaries — nearly all of them: a file of 5000 pages has 15 000 — keep their entries in one list of
 * alternating keys and values instead of a Map each (a third of the memory, a quarter of the allocation);
 * past SMALL_DICT entries, or once `map` is asked for, the entries move to a Map for good.
 */
export class PdfDict {
  /** key, value, key, value… while small */
  private list: (string | PdfValue)[] | undefined;
  private big: Map<string, PdfValue> | undefined;
  constructor(entries?: Iterable<[string, PdfValue]>) {
    // the parser makes thousands of empty ones: no iterator over a default empty list for each
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }
  /**
   * A dictionary of the alternating keys and values of `list` (taken, not copied), with a Map's semantics for a
   * key given twice: the later value, in the place of the first.
   */
  static fromList(list: (string | PdfValue)[]): PdfDict {
    const d = new PdfDict();
    const n = list.length;
    if (n === 0) return d;
    let unique = n <= 2 * SMALL_DICT;
    for (let i = 2; i < n && unique; i += 2)
      for (let j = 0; j < i && unique; j += 2) unique = list[i] !== list[j];
    if (unique) d.list = list;
    else for (let i = 0; i < n; i += 2) d.set(list[i] as string, list[i + 1] as PdfValue);
    return d;
  }
  /** the entries as a Map, from then on the dictionary's own storage (changes through it are the dictionary's) */
  get map(): Map<string, PdfValue> {
    if (!this.big) {
      const m = new Map<string, PdfValue>();
      const l = this.list;
      if (l) for (let i = 0; i < l.length; i += 2) m.set(l[i] as string, l[i + 1] as PdfValue);
      this.big = m;
      this.list = undefined;
    }
    return this.big;
  }
  get size(): number {
    return this.big ? this.big.size : (this.list?.length ?? 0) / 2;
  }
  get(key: string): PdfValue | undefined {
    if (this.big) return this.big.get(key);
    const l = this.list;
    if (l) for (let i = 0; i < l.length; i += 2) if (l[i] === key) return l[i + 1] as PdfValue;
    return undefined;
  }
  set(key: string, value: PdfValue): this {
    if (this.big) {
      this.big.set(key, value);
      return this;
    }
    const l = (this.list ??= []);
    for (let i = 0; i < l.length; i += 2) {
      if (l[i] === key) {
        l[i + 1] = value;
        return this;
      }
    }
    if (l.length >= 2 * SMALL_DICT) this.map.set(key, value);
    else l.push(key, value);
    return this;
  }
  has(key: string): boolean {
    if (this.big) return this.big.has(key);
    const l = this.list;
    if (l) for (let i = 0; i < l.length; i += 2) if (l[i] === key) return true;
    return false;
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  /** every entry in order, as Map#forEach (value, key) */
  forEach(f: (value: PdfValue, key: string) => void): void {
    if (this.big) return this.big.forEach(f);
    const l = this.list;
    if (l) for (let i = 0; i < l.length; i += 2) f(l[i + 1] as PdfValue, l[i] as string);
  }
  /** the keys in order */
  keys(): string[] {
    const out: string[] = [];
    this.forEach((_, k) => out.push(k));
    return out;
  }
  clone(): PdfDict {
    const c = new PdfDict();
    this.forEach((v, k) => c.set(k, v));
    return c;
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
