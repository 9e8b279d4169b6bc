/**
 * A small PDF object parser (ISO 32000-1 §7.2–7.3) over a byte window. When the window ends before the object
 * does and more of the file exists, it throws NeedMoreBytes so the caller can retry with a larger window.
 */
import { PdfDict, PdfName, PdfStream, PdfString, type PdfValue } from './pdf-objects';
import { pdfBroken, pdfNestingTooDeep, pdfObjectTooLarge } from './pdf-errors';
import { CLASS, ESCAPES, isDigit } from './pdf-chars';
import { MAX_NESTING, MAX_STRING_BYTES, MAX_VALUES } from './pdf-limits';
import { hashedLatin1, latin1, pdfName, reference } from './parse-intern';
import { Bytes } from './string-bytes';
import { HEX, hexDigits, plainHex } from './hex-string';

export class NeedMoreBytes extends Error {}

/** names up to this length without escapes are read directly (far below MAX_STRING_BYTES, whose check stays) */
const PLAIN_NAME = 4096;

/** hex digit value, or -1 */

export interface ParsedObject {
  num: number;
  gen: number;
  value: PdfValue;
  /** absolute offset just after `endobj` (or after the value when `endobj` is missing) */
  end: number;
}

export class PdfParser {
  pos: number;
  /** arrays/dictionaries open around the value being parsed */
  private depth = 0;
  /** values parsed so far (bounded per parser: one object, or one object stream) */
  private values = 0;
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
      if (CLASS[c] === 1) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  /** reads a run of regular characters (a keyword or number) */
  word(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.buf.length && CLASS[this.buf[this.pos]!] === 0) this.pos++;
    if (this.pos >= this.buf.length && !this.complete) this.more();
    return latin1(this.buf, start, this.pos);
  }

  /** the next word is exactly `w` (ASCII): compared byte by byte, no string made; position after it when so */
  private wordIs(w: string): boolean {
    this.skipSpace();
    const b = this.buf;
    const start = this.pos;
    let i = start;
    while (i < b.length && CLASS[b[i]!] === 0) i++;
    if (i >= b.length && !this.complete) this.more();
    if (i - start !== w.length) return false;
    for (let k = 0; k < w.length; k++) if (b[start + k] !== w.charCodeAt(k)) return false;
    this.pos = i;
    return true;
  }

  expectWord(w: string): void {
    const save = this.pos;
    if (this.wordIs(w)) return;
    this.pos = save;
    const got = this.word();
    if (got !== w) throw pdfBroken(`expected '${w}' at ${this.base + this.pos}, found '${got.slice(0, 20)}'`);
  }

  /** peeks whether the next word is `w` without consuming it when it is not */
  tryWord(w: string): boolean {
    const save = this.pos;
    try {
      if (this.wordIs(w)) return true;
    } catch (e) {
      if (!(e instanceof NeedMoreBytes)) throw e;
      this.pos = save;
      throw e;
    }
    this.pos = save;
    return false;
  }

  int(): number {
    // the common case, a short run of digits ending the word: its value without a string
    this.skipSpace();
    const b = this.buf;
    let i = this.pos;
    let v = 0;
    for (const stop = Math.min(b.length, i + 15); i < stop && b[i]! >= 0x30 && b[i]! <= 0x39; i++)
      v = v * 10 + b[i]! - 0x30;
    if (i > this.pos && (i < b.length ? CLASS[b[i]!] !== 0 : this.complete)) {
      this.pos = i;
      return v;
    }
    const w = this.word();
    if (!/^[+-]?\d+$/.test(w))
      throw pdfBroken(`expected an integer at ${this.base + this.pos}, found '${w.slice(0, 20)}'`);
    return parseInt(w, 10);
  }

  value(): PdfValue {
    if (++this.values > MAX_VALUES) throw pdfObjectTooLarge(`over ${MAX_VALUES} values`);
    this.skipSpace();
    const c = this.peek();
    if (c === 0x2f) return this.nameValue();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) {
      if (this.pos + 1 >= this.buf.length) this.more();
      return this.buf[this.pos + 1] === 0x3c ? this.dict() : this.hexString();
    }
    if (c === 0x5b) return this.array();
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.numberOrRef();
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    throw pdfBroken(
      `unexpected token '${w.slice(0, 20) || String.fromCharCode(c)}' at ${this.base + this.pos}`,
    );
  }

  /** an unsigned integer that is a whole word (digits only), or -1 with the position unchanged */
  private digits(): number {
    const b = this.buf;
    let i = this.pos;
    let v = 0;
    for (; i < b.length; i++) {
      const c = b[i]!;
      if (c < 0x30 || c > 0x39) break;
      v = v * 10 + c - 0x30;
    }
    if (i >= b.length && !this.complete) this.more();
    if (i === this.pos || (i < b.length && CLASS[b[i]!] === 0)) return -1;
    this.pos = i;
    return v;
  }

  private numberOrRef(): PdfValue {
    const n = this.digits();
    if (n < 0) {
      const w = this.word();
      const x = Number(w.startsWith('.') || w.startsWith('-.') ? w.replace('.', '0.') : w);
      // tolerate malformed numbers such as "--5" or "0.0.1" as 0, as viewers do
      return Number.isFinite(x) ? x : 0;
    }
    const save = this.pos;
    this.skipSpace();
    if (this.pos < this.buf.length && isDigit(this.buf[this.pos]!)) {
      const g = this.digits();
      if (g >= 0) {
        this.skipSpace();
        if (this.pos < this.buf.length && this.buf[this.pos] === 0x52) {
          const next = this.buf[this.pos + 1];
          if (next === undefined && !this.complete) this.more();
          if (next === undefined || CLASS[next] !== 0) {
            this.pos++;
            return reference(n, g);
          }
        } else if (this.pos >= this.buf.length && !this.complete) this.more();
      }
    } else if (this.pos >= this.buf.length && !this.complete) this.more();
    this.pos = save;
    return n;
  }

  private nameValue(): PdfName {
    return pdfName(this.nameText());
  }

  /** the text of the name at the position (a dictionary key needs no PdfName) */
  private nameText(): string {
    // the common name, short and without #xx escapes: straight from the window, no byte buffer, its hash for
    // the interned strings made in the same pass that finds its end
    const b = this.buf;
    const start = ++this.pos;
    let i = start;
    let h = 0;
    for (; i < b.length; i++) {
      const c = b[i]!;
      if (CLASS[c] !== 0 || c === 0x23) break;
      h = (h * 31 + c) | 0;
    }
    this.pos = i;
    if (i - start <= PLAIN_NAME && (i >= b.length || CLASS[b[i]!] !== 0)) {
      if (i >= b.length && !this.complete) this.more();
      return hashedLatin1(b, start, i, h);
    }
    this.pos = start;
    const bytes = new Bytes();
    while (this.pos < this.buf.length && CLASS[this.buf[this.pos]!] === 0) {
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
    return Buffer.from(bytes.bytes()).toString('latin1');
  }

  private literalString(): PdfString {
    this.pos++;
    const out = new Bytes();
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
    return new PdfString(out.bytes(), false);
  }

  /** a hex string (a signature's /Contents can be megabytes) decoded straight into bytes, in two passes */
  private hexString(): PdfString {
    const plain = plainHex(this.buf, this.pos + 1);
    if (plain) {
      this.pos = plain.end + 1;
      return new PdfString(plain.bytes, true);
    }
    const b = this.buf;
    let digits = 0;
    let close = this.pos + 1;
    for (; ; close++) {
      if (close >= b.length) {
        this.pos = close;
        this.more();
      }
      const c = b[close]!;
      if (c === 0x3e) break;
      if (HEX[c]! >= 0) digits++;
      else if (CLASS[c] !== 1) throw pdfBroken(`bad hex string at ${this.base + close}`);
    }
    if (digits / 2 > MAX_STRING_BYTES) throw pdfObjectTooLarge(`string over ${MAX_STRING_BYTES} bytes`);
    const out = hexDigits(b, this.pos + 1, close, digits);
    this.pos = close + 1;
    return new PdfString(out, true);
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING)
      throw pdfNestingTooDeep(`over ${MAX_NESTING} levels at ${this.base + this.pos}`);
  }

  /**
   * Entries of the arrays and dictionaries being parsed, as a stack: each takes its own off the top when it
   * closes, so that it is made at its exact size (an array grown by push keeps room for 17 values).
   */
  private open: (string | PdfValue)[] = [];

  private array(): PdfValue[] {
    this.pos++;
    this.enter();
    const open = this.open;
    const from = open.length;
    for (;;) {
      this.skipSpace();
      if (this.peek() === 0x5d) {
        this.pos++;
        this.depth--;
        const out = open.slice(from) as PdfValue[];
        open.length = from;
        return out;
      }
      open.push(this.value());
    }
  }

  private dict(): PdfDict {
    this.pos += 2;
    this.enter();
    const open = this.open;
    const from = open.length;
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === 0x3e) {
        if (this.pos + 1 >= this.buf.length) this.more();
        this.pos += 2;
        this.depth--;
        const d = PdfDict.fromList(open.slice(from));
        open.length = from;
        return d;
      }
      if (c !== 0x2f) throw pdfBroken(`dictionary key expected at ${this.base + this.pos}`);
      const k = this.nameText();
      this.skipSpace();
      if (this.peek() === 0x3e || this.peek() === 0x2f) {
        // a key without value (seen in broken files): treat as null
        if (this.peek() === 0x3e) continue;
      }
      // an entry whose value is null is the same as no entry (ISO 32000-1 §7.3.7): e.g. `/Encrypt null`
      const v = this.value();
      if (v !== null) open.push(k, v);
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
