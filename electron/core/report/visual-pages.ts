/**
 * The report PDF's visual part (issue 23): after a PDF file's text, one landscape page per changed page of each
 * signature — signed version | now | differences outlined — with the pages found identical and those not
 * compared said in words. At most MAX_IMAGES images per file.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { t } from '../i18n/translate';
import type { FileVisual } from '../pdf/visual/visual-of-reports';
import { pageRanges } from '../../../shared/page-ranges';

const MAX_IMAGES = 20;
const LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = 36;

const L = {
  title: {
    it: 'Firma {n}: differenze visive dopo la firma',
    en: 'Signature {n}: visible differences after signing',
  },
  changed: { it: 'Pagina {p}: modificata ({pc}% dei punti)', en: 'Page {p}: changed ({pc}% of the pixels)' },
  added: { it: 'Pagina {p}: aggiunta dopo la firma', en: 'Page {p}: added after signing' },
  removed: { it: 'Pagina {p}: tolta dopo la firma', en: 'Page {p}: removed after signing' },
  panels: {
    it: 'A sinistra la versione firmata, al centro il documento attuale, a destra le differenze in rosso.',
    en: 'Left: the signed version; middle: the document now; right: the differences in red.',
  },
  identical: {
    it: 'Pagine identiche alla versione firmata: {p}',
    en: 'Pages identical to the signed version: {p}',
  },
  notCompared: { it: 'Pagine non confrontate (limite): {p}', en: 'Pages not compared (limit): {p}' },
  none: { it: 'Nessuna differenza visibile.', en: 'No visible difference.' },
  failed: { it: 'Confronto visivo non riuscito: {m}', en: 'Visual comparison failed: {m}' },
  more: { it: 'Altre {n} pagine cambiate non sono incluse.', en: '{n} more changed pages are not included.' },
};

/** Adds a file's visual pages (nothing when the file has no comparison). */
export async function addVisualPages(doc: PDFDocument, v: FileVisual | undefined): Promise<void> {
  if (!v) return;
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const text = (page: ReturnType<PDFDocument['addPage']>, s: string, y: number, b = false, size = 10) =>
    page.drawText(s, { x: MARGIN, y, size, font: b ? bold : font, color: rgb(0.1, 0.1, 0.1) });
  if (v.error) {
    text(doc.addPage(LANDSCAPE), t(L.failed, { m: v.error.message }), LANDSCAPE[1] - MARGIN - 12, true);
    return;
  }
  let images = 0;
  for (const sv of v.signatures) {
    const summary = doc.addPage(LANDSCAPE);
    let y = LANDSCAPE[1] - MARGIN - 14;
    text(summary, t(L.title, { n: sv.signature }), y, true, 13);
    y -= 20;
    if (sv.pages.length === 0) text(summary, t(L.none), y);
    else text(summary, t(L.panels), y);
    if (sv.identical.length) text(summary, t(L.identical, { p: pageRanges(sv.identical) }), (y -= 16));
    if (sv.notCompared.length) text(summary, t(L.notCompared, { p: pageRanges(sv.notCompared) }), (y -= 16));
    const left = sv.pages.length - Math.max(0, MAX_IMAGES - images);
    for (const p of sv.pages.slice(0, Math.max(0, MAX_IMAGES - images))) {
      images++;
      const page = doc.addPage(LANDSCAPE);
      const label = t(L[p.kind], { p: p.page, pc: (p.changedFraction * 100).toFixed(2) });
      text(page, `${t(L.title, { n: sv.signature })} — ${label}`, LANDSCAPE[1] - MARGIN - 12, true, 11);
      const img = await doc.embedPng(p.png);
      const fit = Math.min(
        (LANDSCAPE[0] - 2 * MARGIN) / img.width,
        (LANDSCAPE[1] - 2 * MARGIN - 30) / img.height,
      );
      const w = img.width * fit;
      const h = img.height * fit;
      page.drawImage(img, { x: MARGIN, y: LANDSCAPE[1] - MARGIN - 30 - h, width: w, height: h });
    }
    if (left > 0) text(summary, t(L.more, { n: left }), (y -= 16));
  }
}
