import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { pageRefs } from '../../electron/core/pdf/pages';
import { PdfParser } from '../../electron/core/pdf/pdf-parser';
import { PdfDict, PdfName, PdfRef, PdfString } from '../../electron/core/pdf/pdf-objects';
import { serializeValue } from '../../electron/core/pdf/pdf-serialize';
import { SigilloError } from '../../electron/core/errors';
import { hybridPdf, withObjectStreams, writeHandwritten } from './support/make-pdf';

const fx = inject('fixture');

function qpdfPages(file: string): number {
  return parseInt(execFileSync('qpdf', ['--show-npages', file], { encoding: 'utf8' }), 10);
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof SigilloError ? e.code : `not a SigilloError: ${String(e)}`;
  }
  return undefined;
}

describe('PDF object parser', () => {
  it('parses dictionaries, arrays, names with #xx, strings with escapes, hex strings, numbers and references', () => {
    const src = Buffer.from(
      '<< /A#20B (x\\(y\\)\\n\\101\\\r\nz) /H <48 65 6c6C6> /N [1 -2.5 .5 +3 4 0 R true null] /D << /E /F >> >>',
      'latin1',
    );
    const d = new PdfParser(src).value() as PdfDict;
    expect(d).toBeInstanceOf(PdfDict);
    expect((d.get('A B') as PdfString).text()).toBe('x(y)\nAz');
    expect(Buffer.from((d.get('H') as PdfString).bytes).toString('latin1')).toBe('Hell`');
    const arr = d.get('N') as unknown[];
    expect(arr.slice(0, 4)).toEqual([1, -2.5, 0.5, 3]);
    expect(arr[4]).toBeInstanceOf(PdfRef);
    expect(arr.slice(5)).toEqual([true, null]);
    expect(((d.get('D') as PdfDict).get('E') as PdfName).name).toBe('F');
  });

  it('writes back what it reads', () => {
    const text = '<</Type /Sig /T (Firma \\(1\\)) /K [1 0 R 2.5 /N#23x] /X <00ff>>>';
    const v = new PdfParser(Buffer.from(text, 'latin1')).value();
    const again = new PdfParser(Buffer.from(serializeValue(v), 'latin1')).value();
    expect(serializeValue(again)).toBe(serializeValue(v));
    expect(serializeValue(v)).toContain('/N#23x');
  });
});

describe('PdfReader', () => {
  const dir = mkdtempSync(join(fx.root, 'pdf-reader-'));

  it('reads a classic xref table file: catalog, pages, objects by offset', () => {
    const f = writeHandwritten(join(dir, 'classic.pdf'), { pages: 3 });
    const r = PdfReader.open(f);
    try {
      expect(r.sections).toHaveLength(1);
      expect(r.sections[0]!.kind).toBe('table');
      expect(pageRefs(r.latest, r.catalog())).toHaveLength(qpdfPages(f));
    } finally {
      r.close();
    }
  });

  it('reads xref streams and object streams (qpdf --object-streams=generate)', () => {
    const f = withObjectStreams(
      writeHandwritten(join(dir, 'src.pdf'), { pages: 4 }),
      join(dir, 'objstm.pdf'),
    );
    expect(readFileSync(f, 'latin1')).toContain('/ObjStm');
    const r = PdfReader.open(f);
    try {
      expect(r.sections[0]!.kind).toBe('stream');
      const compressed = [...r.sections[0]!.entries.values()].filter((e) => e.type === 'compressed');
      expect(compressed.length).toBeGreaterThan(0);
      const pages = pageRefs(r.latest, r.catalog());
      expect(pages).toHaveLength(4);
      expect(r.latest.dict(pages[0])?.get('Type')).toEqual(new PdfName('Page'));
    } finally {
      r.close();
    }
  });

  it('reads hybrid-reference files (/XRefStm): objects found only through the xref stream', () => {
    const f = join(dir, 'hybrid.pdf');
    writeFileSync(f, hybridPdf());
    execFileSync('qpdf', ['--check', f]);
    const r = PdfReader.open(f);
    try {
      expect(r.sections[0]!.hybrid).toBe(true);
      const font = r.latest.get(3) as PdfDict;
      expect((font.get('BaseFont') as PdfName).name).toBe('Helvetica');
    } finally {
      r.close();
    }
  });

  it('refuses encrypted PDFs with PDF_ENCRYPTED', () => {
    const plain = writeHandwritten(join(dir, 'plain.pdf'));
    const enc = join(dir, 'enc.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, enc]);
    expect(codeOf(() => PdfReader.open(enc).assertNotEncrypted())).toBe('PDF_ENCRYPTED');
  });

  it('reports broken files as PDF_BROKEN, never a crash', () => {
    const good = readFileSync(writeHandwritten(join(dir, 'good.pdf')));
    const cases: Record<string, Buffer> = {
      notpdf: Buffer.from('hello, not a pdf at all'),
      truncated: good.subarray(0, 40),
      garbage: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41)]),
      empty: Buffer.alloc(0),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const f = join(dir, `${name}.pdf`);
      writeFileSync(f, bytes);
      expect(
        codeOf(() => PdfReader.open(f).catalog()),
        name,
      ).toBe('PDF_BROKEN');
    }
  });

  it('reports a stream whose /Length refers to itself as PDF_OBJECT_LOOP (no endless recursion)', () => {
    const objs = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      '<< /Length 3 0 R >>\nstream\nabc\nendstream',
    ];
    let text = '%PDF-1.7\n';
    const offsets: number[] = [];
    objs.forEach((o, i) => {
      offsets.push(text.length);
      text += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = text.length;
    text += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    text += `trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const f = join(dir, 'length-loop.pdf');
    writeFileSync(f, text);
    const r = PdfReader.open(f);
    try {
      expect(codeOf(() => r.latest.get(3))).toBe('PDF_OBJECT_LOOP');
    } finally {
      r.close();
    }
  });

  it('rebuilds the cross-reference of a file whose offsets are shifted', () => {
    const good = readFileSync(writeHandwritten(join(dir, 'shift-src.pdf')));
    // insert bytes after the header: every xref offset is now wrong
    const shifted = Buffer.concat([
      good.subarray(0, 9),
      Buffer.from('%extra comment line\n'),
      good.subarray(9),
    ]);
    const f = join(dir, 'shifted.pdf');
    writeFileSync(f, shifted);
    const r = PdfReader.open(f);
    try {
      expect(r.reconstructed).toBe(true);
      expect(pageRefs(r.latest, r.catalog())).toHaveLength(1);
    } finally {
      r.close();
    }
  });
});
