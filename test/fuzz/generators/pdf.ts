/**
 * PDF hostile inputs: a flate bomb, /Prev cycles, object-stream tricks, a huge xref count, hostile ByteRanges
 * (negative, overlapping, past the end, gigantic), /Contents of absurd length.
 */
import { deflateSync } from 'node:zlib';
import { between, bytesCase, type Generator, type HostileCase } from './types';

/** A PDF from object bodies (1-based numbers), with a correct classic xref table unless `xref` says otherwise. */
export function pdf(
  objects: (string | Buffer)[],
  trailer = '',
  xref?: (offsets: number[]) => string,
): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(b);
    at += b.length;
  });
  const table =
    xref?.(offsets) ??
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
      offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${at}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>';
const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R] >>';
const FIELD = '<< /FT /Sig /T (Sig1) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R /V 5 0 R >>';
const sigDict = (byteRange: string, contentsHex = '00'.repeat(64)) =>
  `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [${byteRange}] /Contents <${contentsHex}> >>`;

const signedPdf = (byteRange: string) => pdf([CATALOG, PAGES, PAGE, FIELD, sigDict(byteRange)]);

const pdfCase = (name: string, bytes: () => Buffer): HostileCase =>
  bytesCase(`pdf/${name}`, `${name}.pdf`, bytes);

export const pdfGenerator: Generator = (rand) => {
  const bombMib = between(rand, 64, 256);
  const count = between(rand, 10_000_000, 2_000_000_000);
  return [
    pdfCase('flate-bomb', () => {
      const z = deflateSync(Buffer.alloc(bombMib << 20), { level: 9 });
      const stream = Buffer.concat([
        Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${z.length} >>\nstream\n`),
        z,
        Buffer.from('\nendstream'),
      ]);
      return pdf([CATALOG, PAGES, PAGE, FIELD, sigDict('0 10 20 10'), stream]);
    }),
    pdfCase('prev-self-cycle', () => {
      const one = pdf([CATALOG, PAGES, PAGE]);
      const sx = Number(/startxref\n(\d+)/.exec(one.toString('latin1'))![1]);
      return Buffer.from(one.toString('latin1').replace('/Root 1 0 R', `/Root 1 0 R /Prev ${sx}`), 'latin1');
    }),
    pdfCase('prev-two-cycle', () => {
      const base = pdf([CATALOG, PAGES, PAGE]).toString('latin1');
      const sx1 = Number(/startxref\n(\d+)/.exec(base)![1]);
      const update = `xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 4 /Root 1 0 R /Prev ${sx1} >>\nstartxref\n`;
      const sx2 = base.length;
      const first = base.replace('/Root 1 0 R', `/Root 1 0 R /Prev ${sx2}`);
      // the offsets moved by the inserted text: the cycle is the point, not exact offsets
      return Buffer.from(`${first}${update}${sx2}\n%%EOF\n`, 'latin1');
    }),
    pdfCase('huge-xref-count', () =>
      pdf([CATALOG, PAGES, PAGE], '', () => `xref\n0 ${count}\n0000000000 65535 f \n`),
    ),
    pdfCase('objstm-huge-n', () => {
      const body = Buffer.from('1 0 ');
      const s = Buffer.concat([
        Buffer.from(`<< /Type /ObjStm /N ${count} /First 999999999 /Length ${body.length} >>\nstream\n`),
        body,
        Buffer.from('\nendstream'),
      ]);
      return pdf([CATALOG, PAGES, PAGE, FIELD, sigDict('0 1 2 3'), s]);
    }),
    pdfCase('objstm-self-reference', () => {
      const inner = Buffer.from('6 0 << /Type /ObjStm /N 1 /First 4 >>');
      const s = Buffer.concat([
        Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Length ${inner.length} /Extends 6 0 R >>\nstream\n`),
        inner,
        Buffer.from('\nendstream'),
      ]);
      return pdf([CATALOG, PAGES, PAGE, FIELD, sigDict('0 1 2 3'), s]);
    }),
    pdfCase('byterange-negative', () => signedPdf('0 -100 200 -5')),
    pdfCase('byterange-overlap', () => signedPdf('0 500 100 500')),
    pdfCase('byterange-past-end', () => signedPdf(`0 10 20 ${count}`)),
    pdfCase('byterange-many', () => signedPdf(Array.from({ length: 10_000 }, (_, i) => i).join(' '))),
    pdfCase('contents-huge', () =>
      pdf([CATALOG, PAGES, PAGE, FIELD, sigDict('0 10 20 10', '30'.repeat(between(rand, 1, 8) << 20))]),
    ),
    pdfCase('deep-arrays', () => pdf([CATALOG, PAGES, `${'['.repeat(between(rand, 10_000, 200_000))}`])),
  ];
};
