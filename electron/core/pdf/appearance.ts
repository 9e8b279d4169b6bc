/**
 * The visible signature's appearance (/AP /N form XObject): "Firmato digitalmente da NOME COGNOME", fiscal
 * code, date and time, optional image on the left. Text with WinAnsiEncoding (Italian accents render in every
 * viewer) in an embedded system TrueType subset, or the standard Helvetica (see appearance-fonts.ts).
 */
import { deflateSync } from 'node:zlib';
import { name, PdfDict, PdfStream, ref } from './pdf-objects';
import type { IncrementObject } from './incremental-writer';
import type { AppearanceBuilder } from './signature-objects';
import type { RgbImage } from './png-image';
import { appearanceFonts, type AppearanceFont } from './appearance-fonts';

export interface AppearanceText {
  signerName: string;
  fiscalCode?: string;
  signingTime: Date;
  reason?: string;
}

/** "25/11/2026 13:19:02 GMT+1" in Italian civil time */
export function formatSigningTime(d: Date): string {
  const parts = new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZoneName: 'shortOffset',
  }).formatToParts(d);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('day')}/${p('month')}/${p('year')} ${p('hour')}:${p('minute')}:${p('second')} ${p('timeZoneName')}`;
}

function imageObject(img: RgbImage): PdfStream {
  const data = deflateSync(img.rgb);
  const dict = new PdfDict()
    .set('Type', name('XObject'))
    .set('Subtype', name('Image'))
    .set('Width', img.width)
    .set('Height', img.height)
    .set('ColorSpace', name('DeviceRGB'))
    .set('BitsPerComponent', 8)
    .set('Filter', name('FlateDecode'));
  return new PdfStream(dict, -1, data.length, data);
}

const f2 = (n: number) => Number(n.toFixed(2));

export function signatureAppearance(
  text: AppearanceText,
  image?: RgbImage,
  fonts: { regular: AppearanceFont; bold: AppearanceFont } = appearanceFonts(),
): AppearanceBuilder {
  const { regular, bold } = fonts;
  return (w: number, h: number, alloc: () => number): IncrementObject[] => {
    const pad = Math.min(4, h / 10);
    let textX = pad;
    const ops: string[] = ['q', '0.5 G 0.75 w', `0.4 0.4 ${f2(w - 0.8)} ${f2(h - 0.8)} re S`];
    const xobjects = new PdfDict();
    const objs: IncrementObject[] = [];
    const formNum = alloc();
    if (image) {
      const boxW = Math.min(w * 0.35, h - 2 * pad);
      const scale = Math.min(boxW / image.width, (h - 2 * pad) / image.height);
      const iw = image.width * scale;
      const ih = image.height * scale;
      const imgNum = alloc();
      objs.push({ num: imgNum, gen: 0, value: imageObject(image) });
      xobjects.set('Im1', ref(imgNum));
      ops.push(`q ${f2(iw)} 0 0 ${f2(ih)} ${f2(pad)} ${f2((h - ih) / 2)} cm /Im1 Do Q`);
      textX = pad * 2 + iw;
    }
    const lines: { font: AppearanceFont; key: string; text: string }[] = [
      { font: regular, key: 'F1', text: 'Firmato digitalmente da' },
      { font: bold, key: 'F2', text: text.signerName },
    ];
    if (text.fiscalCode) lines.push({ font: regular, key: 'F1', text: `C.F. ${text.fiscalCode}` });
    lines.push({ font: regular, key: 'F1', text: `Data: ${formatSigningTime(text.signingTime)}` });
    if (text.reason) lines.push({ font: regular, key: 'F1', text: `Motivo: ${text.reason}` });
    const availW = Math.max(1, w - textX - pad);
    let size = Math.min(12, (h - 2 * pad) / (lines.length * 1.2));
    for (const l of lines) size = Math.min(size, availW / Math.max(1, l.font.width(l.text, 1)));
    size = Math.max(1, f2(size));
    const lead = f2(size * 1.2);
    const top = h - (h - lines.length * lead) / 2 - size;
    ops.push('BT 0 g', `${f2(textX)} ${f2(top)} Td`);
    lines.forEach((l, i) => {
      if (i > 0) ops.push(`0 ${-lead} Td`);
      ops.push(`/${l.key} ${size} Tf ${l.font.hex(l.text)} Tj`);
    });
    ops.push('ET', 'Q');
    const textsOf = (key: string) => lines.filter((l) => l.key === key).map((l) => l.text);
    const f1 = regular.objects(textsOf('F1'), alloc);
    const f2font = bold.objects(textsOf('F2'), alloc);
    objs.push(...f1.objects, ...f2font.objects);
    const resources = new PdfDict().set('Font', new PdfDict().set('F1', f1.ref).set('F2', f2font.ref));
    if (image) resources.set('XObject', xobjects);
    const content = Buffer.from(ops.join('\n'), 'latin1');
    const form = new PdfDict()
      .set('Type', name('XObject'))
      .set('Subtype', name('Form'))
      .set('BBox', [0, 0, f2(w), f2(h)])
      .set('Resources', resources);
    return [{ num: formNum, gen: 0, value: new PdfStream(form, -1, content.length, content) }, ...objs];
  };
}
