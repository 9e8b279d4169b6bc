/**
 * Hex strings decoded natively (hex-string.ts, issue 22: a signature's /Contents is tens of kilobytes of hex)
 * are the bytes the parser's own loops give — checked against an independent decoding for random contents in
 * both cases, odd counts, white space, bad characters (still PDF_BROKEN), an empty string, a string the window
 * cuts (more bytes asked for), and a string inside a window that starts in the middle of a bigger buffer.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NeedMoreBytes, PdfParser } from '../../electron/core/pdf/pdf-parser';
import { plainHex } from '../../electron/core/pdf/hex-string';
import { PdfString } from '../../electron/core/pdf/pdf-objects';

const parse = (text: string | Buffer, complete = true) =>
  new PdfParser(typeof text === 'string' ? Buffer.from(text, 'latin1') : text, 0, complete).value();

/** the oracle: hex digits only, a missing last digit taken as 0 (ISO 32000-1 §7.3.4.3) */
function decode(text: string): string {
  const digits = text.replace(/[\s]/g, '');
  return Buffer.from(digits.length % 2 ? digits + '0' : digits, 'hex').toString('hex');
}

const bytesOf = (v: unknown) => Buffer.from((v as PdfString).bytes).toString('hex');

describe('hex strings', () => {
  it('decodes plain contents natively, the same bytes as the loops', () => {
    for (const n of [0, 1, 2, 100, 16_385]) {
      const raw = randomBytes(n);
      for (const text of [raw.toString('hex'), raw.toString('hex').toUpperCase()]) {
        const b = Buffer.from(`<${text}>`, 'latin1');
        expect(plainHex(b, 1)!.end).toBe(text.length + 1);
        expect(Buffer.from(plainHex(b, 1)!.bytes).toString('hex')).toBe(raw.toString('hex'));
        const v = parse(b);
        expect((v as PdfString).hex).toBe(true);
        expect(bytesOf(v)).toBe(raw.toString('hex'));
      }
    }
  });

  it('leaves white space, odd counts and bad characters to the loops, which decide as before', () => {
    for (const text of ['ab cd', 'a\nb\r\nc\td', 'abc', 'ABC', ' 0', '0 ']) {
      expect(plainHex(Buffer.from(`<${text}>`, 'latin1'), 1)).toBeUndefined();
      expect(bytesOf(parse(`<${text}>`)), text).toBe(decode(text));
    }
    for (const text of ['0g', 'zz00', '00zz', 'ab-c']) {
      expect(plainHex(Buffer.from(`<${text}>`, 'latin1'), 1)).toBeUndefined();
      expect(() => parse(`<${text}>`), text).toThrow(expect.objectContaining({ code: 'PDF_BROKEN' }));
    }
  });

  it('a string the window cuts asks for more bytes; inside a bigger buffer it reads its own bytes only', () => {
    expect(() => parse('<abcd', false)).toThrow(NeedMoreBytes);
    const whole = Buffer.from('xxxxx<0011ff> <22>', 'latin1');
    const window = whole.subarray(5);
    const p = new PdfParser(window, 5, true);
    expect(bytesOf(p.value())).toBe('0011ff');
    expect(bytesOf(p.value())).toBe('22');
  });
});
