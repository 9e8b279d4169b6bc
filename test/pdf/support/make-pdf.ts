/** Tiny handwritten PDFs for tests (classic xref table, offsets computed), plus qpdf-made variants. */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';

export interface HandwrittenOptions {
  pages?: number;
  /** extra bytes of page content (a big comment stream) to make large files */
  padding?: number;
  text?: string;
  /** adds an empty visible signature field with this name on page 1 */
  emptySigField?: string;
}

/** A PDF with `pages` pages of Helvetica text, written by hand with a classic xref table. */
export function handwrittenPdf(opts: HandwrittenOptions = {}): Buffer {
  const pages = opts.pages ?? 1;
  const objs: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  const fieldNum = 4 + pages * 2;
  const form = opts.emptySigField ? ` /AcroForm << /Fields [${fieldNum} 0 R] >>` : '';
  objs.push(`<< /Type /Catalog /Pages 2 0 R${form} >>`);
  objs.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objs.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 18 Tf 72 720 Td (${opts.text ?? 'Documento di prova'} - pagina ${i + 1}) Tj ET`;
    const annots = opts.emptySigField && i === 0 ? ` /Annots [${fieldNum} 0 R]` : '';
    objs.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R${annots} >>`,
    );
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  if (opts.emptySigField) {
    objs.push(
      `<< /Type /Annot /Subtype /Widget /FT /Sig /T (${opts.emptySigField}) /Rect [340 60 560 130] /P 4 0 R /F 4 >>`,
    );
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(b);
    at += b.length;
  });
  if (opts.padding) {
    // one more unreferenced-by-pages stream object holding `padding` bytes
    offsets.push(at);
    const head = Buffer.from(`${objs.length + 1} 0 obj\n<< /Length ${opts.padding} >>\nstream\n`, 'latin1');
    parts.push(head, Buffer.alloc(opts.padding, 0x20), Buffer.from('\nendstream\nendobj\n'));
    at += head.length + opts.padding + 17;
  }
  const n = offsets.length + 1;
  let xref = `xref\n0 ${n}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${n} /Root 1 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

export function writeHandwritten(path: string, opts: HandwrittenOptions = {}): string {
  writeFileSync(path, handwrittenPdf(opts));
  return path;
}

/**
 * A handwritten PDF at `path` whose padding stream holds `padding` random bytes (not the spaces of
 * handwrittenPdf): a hash over the wrong bytes of it cannot give the right digest by chance.
 */
export function writeRandomPaddedPdf(path: string, padding: number, pages = 2): string {
  const b = handwrittenPdf({ pages, padding });
  const head = Buffer.from(`<< /Length ${padding} >>\nstream\n`, 'latin1');
  randomBytes(padding).copy(b, b.indexOf(head) + head.length);
  writeFileSync(path, b);
  return path;
}

/** A valid PDF of about `padding` bytes (an unreferenced padding stream kept by qpdf) at `path`. */
export function writeBigPdf(path: string, padding: number): string {
  const raw = `${path}.raw`;
  writeFileSync(raw, handwrittenPdf({ padding }));
  execFileSync('qpdf', ['--warning-exit-0', '--compress-streams=n', '--preserve-unreferenced', raw, path], {
    stdio: 'ignore',
  });
  unlinkSync(raw);
  return path;
}

/** qpdf rewrite of `input` with xref stream + object streams. */
export function withObjectStreams(input: string, output: string): string {
  execFileSync('qpdf', ['--object-streams=generate', input, output]);
  return output;
}

/**
 * A hybrid-reference file (ISO 32000-1 §7.5.8.4) written by hand: a classic table, plus /XRefStm pointing to an
 * xref stream that locates the font, which lives in an object stream.
 */
export function hybridPdf(): Buffer {
  const content = 'BT /F1 18 Tf 72 720 Td (Documento ibrido) Tj ET';
  const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  const objstmHeader = '3 0 ';
  const objstmData = objstmHeader + font;
  const bodies: Record<number, string> = {
    1: '<< /Type /Catalog /Pages 2 0 R >>',
    2: '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    4: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    5: `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    6: `<< /Type /ObjStm /N 1 /First ${objstmHeader.length} /Length ${objstmData.length} >>\nstream\n${objstmData}\nendstream`,
  };
  let text = '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n';
  const offsets: Record<number, number> = {};
  for (const n of [1, 2, 4, 5, 6]) {
    offsets[n] = Buffer.byteLength(text, 'latin1');
    text += `${n} 0 obj\n${bodies[n]}\nendobj\n`;
  }
  offsets[7] = Buffer.byteLength(text, 'latin1');
  // xref stream: W [1 4 2], entries for objects 3 (in stream 6, index 0) and 7 (itself)
  const row = (type: number, f2: number, f3: number) => {
    const b = Buffer.alloc(7);
    b[0] = type;
    b.writeUInt32BE(f2, 1);
    b.writeUInt16BE(f3, 5);
    return b;
  };
  const xs = Buffer.concat([row(2, 6, 0), row(1, offsets[7]!, 0)]);
  const parts = [
    Buffer.from(text, 'latin1'),
    Buffer.from(
      `7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Index [3 1 7 1] /Length ${xs.length} >>\nstream\n`,
      'latin1',
    ),
    xs,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ];
  const tableAt = parts.reduce((n, b) => n + b.length, 0);
  let table = 'xref\n0 8\n0000000000 65535 f \n';
  for (let n = 1; n < 8; n++) {
    table +=
      n === 3 || n === 7 ? '0000000000 00000 f \n' : `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  }
  table += `trailer\n<< /Size 8 /Root 1 0 R /XRefStm ${offsets[7]} >>\nstartxref\n${tableAt}\n%%EOF\n`;
  parts.push(Buffer.from(table, 'latin1'));
  return Buffer.concat(parts);
}
