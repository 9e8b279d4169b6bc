/**
 * Names, integers and keywords read straight from the parser's window (the fast paths of pdf-parser.ts, issue
 * 22) are the same as through the string paths: #xx escapes anywhere, a token cut by the window's end asks for
 * more bytes, long names and numbers, signs, tokens ending the data, malformed integers refused.
 */
import { describe, expect, it } from 'vitest';
import { NeedMoreBytes, PdfParser } from '../../electron/core/pdf/pdf-parser';
import { SigilloError } from '../../electron/core/errors';
import { PdfDict, PdfName } from '../../electron/core/pdf/pdf-objects';

const parse = (text: string, complete = true) =>
  new PdfParser(Buffer.from(text, 'latin1'), 0, complete).value();

describe('PDF names', () => {
  it('reads plain and escaped names alike', () => {
    expect((parse('/Type ') as PdfName).name).toBe('Type');
    expect((parse('/Ab#43d ') as PdfName).name).toBe('AbCd');
    expect((parse('/#41bc ') as PdfName).name).toBe('Abc');
    expect((parse('/') as PdfName).name).toBe('');
    const d = parse('<</Type/Sig/Sub#46ilter/ETSI.CAdES.detached>>') as PdfDict;
    expect([...d.map.keys()]).toEqual(['Type', 'SubFilter']);
    expect((d.get('SubFilter') as PdfName).name).toBe('ETSI.CAdES.detached');
  });

  it('asks for more bytes when the window ends inside a name, not when the data ends', () => {
    expect(() => parse('/Typ', false)).toThrow(NeedMoreBytes);
    expect((parse('/Typ') as PdfName).name).toBe('Typ');
    expect(() => parse('/Ty#4', false)).toThrow(NeedMoreBytes);
  });

  it('reads long names whole, with and without escapes', () => {
    const long = 'N'.repeat(5000);
    expect((parse(`/${long} `) as PdfName).name).toBe(long);
    expect((parse(`/${long}#41 `) as PdfName).name).toBe(`${long}A`);
  });

  it('reads integers and keywords alike', () => {
    const p = (text: string, complete = true) => new PdfParser(Buffer.from(text, 'latin1'), 0, complete);
    expect(p(' 12 0 obj').int()).toBe(12);
    expect(p('+7 ').int()).toBe(7);
    expect(p('-3 ').int()).toBe(-3);
    expect(p('007 ').int()).toBe(7);
    expect(p('42').int()).toBe(42);
    expect(p('1234567890123456789 ').int()).toBe(parseInt('1234567890123456789', 10));
    expect(() => p('42', false).int()).toThrow(NeedMoreBytes);
    expect(() => p('12a ').int()).toThrow(SigilloError);
    expect(() => p('1.5 ').int()).toThrow(SigilloError);
    const obj = p('5 0 obj << /A 1 >> endobj').indirectObject(() => 0);
    expect([obj.num, obj.gen, obj.end]).toEqual([5, 0, 25]);
    expect(() => p('5 0 objx << >> endobj').indirectObject(() => 0)).toThrow(/expected 'obj'/);
    expect(() => p('5 0 ob', false).indirectObject(() => 0)).toThrow(NeedMoreBytes);
    const t = p('  stream');
    expect(t.tryWord('stream')).toBe(true);
    expect(t.pos).toBe(8);
    const u = p('  streams');
    expect(u.tryWord('stream')).toBe(false);
    expect(u.pos).toBe(0);
  });
});
