/**
 * Names read straight from the parser's window (the fast path of pdf-parser.ts nameValue, issue 22) are the
 * same as through the escape-decoding path: #xx escapes anywhere, a name cut by the window's end asks for more
 * bytes, long names and names ending the data.
 */
import { describe, expect, it } from 'vitest';
import { NeedMoreBytes, PdfParser } from '../../electron/core/pdf/pdf-parser';
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
});
