/**
 * A small PDF object parser (ISO 32000-1 §7.2–7.3) over a byte window. When the window ends before the object
 * does and more of the file exists, it throws NeedMoreBytes so the caller can retry with a larger window.
 */
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-objects';
import { pdfBroken } from './pdf-errors';
import { ESCAPES, isDigit, isRegular, isWhite } from './pdf-chars';

export class NeedMoreBytes extends Error {}

export interface ParsedObject {
  num: number;
  gen: number;
  value: PdfValue;
  /** absolute offset just after `endobj` (or after the value when `endobj` is missing) */
  end: number;
}

export class PdfParser {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    /** absolute file offset of buf[0] */
    readonly base = 0,
    /** true when buf reaches the end of the data (no more bytes to ask for) */
    readonly complete = true,
    start = 0,
  ) {
    this.pos = start;
  }

  private more(): never {
    if (this.complete) throw pdfBroken(`unexpected end of data at ${this.base + this.pos}`);
    throw new NeedMoreBytes();
  }

  private peek(): number {
    if (this.pos >= this.buf.length) this.more();
    return this.buf[this.pos]!;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.buf.length;
  }

  skipSpace(): void {
    const b = this.buf;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  /** reads a run of regular characters (a keyword or number) */
  word(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.buf.length && isRegular(this.buf[this.pos]!)) this.pos++;
    if (this.pos >= this.buf.length && !this.complete) this.more();
    return Buffer.from(this.buf.subarray(start, this.pos)).toString('latin1');
  }

  expectWord(w: string): void {
    const got = this.word();
    if (got !== w) throw pdfBroken(`expected '${w}' at ${this.base + this.pos}, found '${got.slice(0, 20)}'`);
  }

  /** peeks whether the next word is `w` without consuming it when it is not */
  tryWord(w: string): boolean {
    const save = this.pos;
    try {
      if (this.word() === w) return true;
    } catch (e) {
      if (!(e instanceof NeedMoreBytes)) throw e;
      this.pos = save;
      throw e;
    }
    this.pos = save;
    return false;
  }

  int(): number {
    const w = this.word();
    if (!/^[+-]?\d+$/.test(w))
      throw pdfBroken(`expected an integer at ${this.base + this.pos}, found '${w.slice(0, 20)}'`);
    return parseInt(w, 10);
  }

  value(): PdfValue {
    this.skipSpace();
    const c = this.peek();
    if (c === 0x2f) return this.nameValue();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) {
      if (this.pos + 1 >= this.buf.length) this.more();
      return this.buf[this.pos + 1] === 0x3c ? this.dict() : this.hexString();
    }
    if (c === 0x5b) return this.array();
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) return this.numberOrRef();
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    throw pdfBroken(
      `unexpected token '${w.slice(0, 20) || String.fromCharCode(c)}' at ${this.base + this.pos}`,
    );
  }

  private numberOrRef(): PdfValue {
    const w = this.word();
    const n = Number(w.startsWith('.') || w.startsWith('-.') ? w.replace('.', '0.') : w);
    if (!Number.isFinite(n)) {
      // tolerate malformed numbers such as "--5" or "0.0.1" as 0, as viewers do
      return 0;
    }
    if (!/^\d+$/.test(w)) return n;
    const save = this.pos;
    this.skipSpace();
    if (this.pos < this.buf.length && isDigit(this.buf[this.pos]!)) {
      const g = this.word();
      if (/^\d+$/.test(g)) {
        this.skipSpace();
        if (this.pos < this.buf.length && this.buf[this.pos] === 0x52) {
          const next = this.buf[this.pos + 1];
          if (next === undefined && !this.complete) this.more();
          if (next === undefined || !isRegular(next)) {
            this.pos++;
            return new PdfRef(n, parseInt(g, 10));
          }
        } else if (this.pos >= this.buf.length && !this.complete) this.more();
      }
    } else if (this.pos >= this.buf.length && !this.complete) this.more();
    this.pos = save;
    return n;
  }

  private nameValue(): PdfName {
    this.pos++;
    const bytes: number[] = [];
    while (this.pos < this.buf.length && isRegular(this.buf[this.pos]!)) {
      const c = this.buf[this.pos++]!;
      if (c === 0x23 && this.pos + 1 < this.buf.length) {
        const h = parseInt(Buffer.from(this.buf.subarray(this.pos, this.pos + 2)).toString('latin1'), 16);
        if (!Number.isNaN(h)) {
          bytes.push(h);
          this.pos += 2;
          continue;
        }
      }
      bytes.push(c);
    }
    if (this.pos >= this.buf.length && !this.complete) this.more();
    return new PdfName(Buffer.from(bytes).toString('latin1'));
  }

  private literalString(): PdfString {
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    const b = this.buf;
    for (;;) {
      const c = this.peek();
      this.pos++;
      if (c === 0x5c) {
        const e = this.peek();
        this.pos++;
        const escaped = ESCAPES.get(e);
        if (escaped !== undefined) out.push(escaped);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && this.pos < b.length && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) {
            v = v * 8 + (b[this.pos++]! - 0x30);
          }
          out.push(v & 0xff);
        } else if (e === 13) {
          if (this.peek() === 10) this.pos++;
        } else if (e !== 10) out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else if (c === 13) {
        if (this.peek() === 10) this.pos++;
        out.push(10);
      } else out.push(c);
    }
    return new PdfString(Uint8Array.from(out), false);
  }

  private hexString(): PdfString {
    this.pos++;
    const digits: number[] = [];
    for (;;) {
      const c = this.peek();
      this.pos++;
      if (c === 0x3e) break;
      if (isWhite(c)) continue;
      const v = parseInt(String.fromCharCode(c), 16);
      if (Number.isNaN(v)) throw pdfBroken(`bad hex string at ${this.base + this.pos}`);
      digits.push(v);
    }
    if (digits.length % 2) digits.push(0);
    const out = new Uint8Array(digits.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = (digits[2 * i]! << 4) | digits[2 * i + 1]!;
    return new PdfString(out, true);
  }

  private array(): PdfValue[] {
    this.pos++;
    const out: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === 0x5d) {
        this.pos++;
        return out;
      }
      out.push(this.value());
    }
  }

  private dict(): PdfDict {
    this.pos += 2;
    const d = new PdfDict();
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === 0x3e) {
        if (this.pos + 1 >= this.buf.length) this.more();
        this.pos += 2;
        return d;
      }
      if (c !== 0x2f) throw pdfBroken(`dictionary key expected at ${this.base + this.pos}`);
      const k = this.nameValue();
      this.skipSpace();
      if (this.peek() === 0x3e || this.peek() === 0x2f) {
        // a key without value (seen in broken files): treat as null
        if (this.peek() === 0x3e) {
          d.set(k.name, null);
          continue;
        }
      }
      d.set(k.name, this.value());
    }
  }

  /**
   * Parses `num gen obj value [stream…endstream] endobj`. `streamLength` turns a /Length value (maybe a
   * reference) into a number.
   */
  indirectObject(streamLength: (v: PdfValue | undefined) => number): ParsedObject {
    const num = this.int();
    const gen = this.int();
    this.expectWord('obj');
    let value = this.value();
    this.skipSpace();
    if (value instanceof PdfDict && this.tryWord('stream')) {
      const b = this.buf;
      if (this.pos >= b.length) this.more();
      if (b[this.pos] === 13) this.pos++;
      if (this.pos >= b.length) this.more();
      if (b[this.pos] === 10) this.pos++;
      const dataOffset = this.base + this.pos;
      const length = streamLength(value.get('Length'));
      if (!(length >= 0)) throw pdfBroken(`bad stream length in object ${num}`);
      value = new PdfStream(value, dataOffset, length);
      this.pos += length;
      if (this.pos > b.length) {
        // the data need not be in the window: skip over it without asking for more
        return { num, gen, value, end: this.base + this.pos };
      }
      this.skipSpace();
      if (this.pos + 9 > b.length && !this.complete) this.more();
      this.tryWord('endstream');
    }
    this.skipSpace();
    if (this.pos + 6 > this.buf.length && !this.complete) this.more();
    this.tryWord('endobj');
    return { num, gen, value, end: this.base + this.pos };
  }
}
