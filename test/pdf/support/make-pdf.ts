/** Tiny handwritten PDFs for tests (classic xref table, offsets computed), plus qpdf-made variants. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export interface HandwrittenOptions {
  pages?: number;
  /** extra bytes of page content (a big comment stream) to make large files */
  padding?: number;
  text?: string;
}

/** A PDF with `pages` pages of Helvetica text, written by hand with a classic xref table. */
export function handwrittenPdf(opts: HandwrittenOptions = {}): Buffer {
  const pages = opts.pages ?? 1;
  const objs: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  objs.push('<< /Type /Catalog /Pages 2 0 R >>');
  objs.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objs.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 18 Tf 72 720 Td (${opts.text ?? 'Documento di prova'} - pagina ${i + 1}) Tj ET`;
    objs.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
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

/** qpdf rewrite of `input` with xref stream + object streams. */
export function withObjectStreams(input: string, output: string): string {
  execFileSync('qpdf', ['--object-streams=generate', input, output]);
  return output;
}

/** qpdf rewrite into a hybrid-reference file (classic table + /XRefStm), if this qpdf can. */
export function hybrid(input: string, output: string): string {
  execFileSync('qpdf', ['--object-streams=generate', '--qdf', input, output], { stdio: 'ignore' });
  return output;
}
