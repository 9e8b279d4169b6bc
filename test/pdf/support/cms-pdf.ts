/**
 * Test helper: a one-page PDF with one signature dictionary of the given SubFilter whose /Contents holds the
 * CMS that `makeCms` builds over the byte-range bytes (classic xref, offsets computed, ranges to the end).
 */
import { writeFileSync } from 'node:fs';

const GAP = 16384;
const PLACEHOLDER = '[0 ########## ########## ##########]';

/** a PDF of these objects (numbered from 1, the first one the catalog) with a classic xref table */
export function classicPdf(objs: string[]): string {
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = text.length;
  text += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) text += `${String(o).padStart(10, '0')} 00000 n \n`;
  return `${text}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
}

export function pdfWithCms(
  path: string,
  subFilter: string,
  makeCms: (signed: Buffer) => Uint8Array,
  /**
   * when not the default: the signature field (object 4, its value object 5), objects from 6 on, and the page's
   * /Annots entries; the dictionary's /Type (by default /DocTimeStamp for ETSI.RFC3161, else /Sig)
   */
  shape: { widget?: string; extra?: string[]; annots?: string; type?: string } = {},
): string {
  const type = shape.type ?? (subFilter === 'ETSI.RFC3161' ? '/DocTimeStamp' : '/Sig');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [${shape.annots ?? '4 0 R'}] >>`,
    shape.widget ??
      '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Firma1) /Rect [0 0 0 0] /P 3 0 R /V 5 0 R /F 132 >>',
    `<< /Type ${type} /Filter /Adobe.PPKLite /SubFilter /${subFilter} /ByteRange ${PLACEHOLDER} /Contents <${'0'.repeat(2 * GAP)}> >>`,
    ...(shape.extra ?? []),
  ];
  let text = classicPdf(objs);
  const lt = text.indexOf('/Contents <') + '/Contents '.length;
  const after = lt + 2 * GAP + 2;
  const pad = (n: number) => String(n).padEnd(10, ' ');
  text = text.replace(PLACEHOLDER, `[0 ${pad(lt)} ${pad(after)} ${pad(text.length - after)}]`);
  const bytes = Buffer.from(text, 'latin1');
  const cms = Buffer.from(makeCms(Buffer.concat([bytes.subarray(0, lt), bytes.subarray(after)])));
  if (cms.length > GAP) throw new Error('CMS larger than the /Contents gap');
  Buffer.from(cms.toString('hex').toUpperCase(), 'latin1').copy(bytes, lt + 1);
  writeFileSync(path, bytes);
  return path;
}
