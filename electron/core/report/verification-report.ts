/**
 * The verification report as PDF (pdf-lib, standard Helvetica: WinAnsi covers Italian accents): per file, one
 * coloured sentence with its icon as the window says it, the file (path, format, SHA-256), the trust used, then
 * each signature (signature-section.ts); Sigillo's version and the page on every page. Written atomically.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { formatDateTime } from '../../../shared/format/dates';
import { withAtomicOutput } from '../files/atomic-output';
import { writeFully } from '../files/write-fully';
import { getLang, t } from '../i18n/translate';
import { fileHeadline } from '../../../shared/verdict/headline';
import type { FileReport } from '../verify/types';
import { documentFactLines } from '../xades/document-facts';
import { TextFlow } from './pdf-text';
import { reportContext, type ReportContext, type TrustState } from './report-context';
import { formatWords } from './report-words';
import { signatureTitle, writeSignature } from './signature-section';
import { visualOfReports, type FileVisual } from '../pdf/visual/visual-of-reports';
import { addVisualPages } from './visual-pages';

const L = {
  title: { it: 'Rapporto di verifica delle firme digitali', en: 'Digital signature verification report' },
  made: {
    it: 'Generato da Sigillo {v} il {time} (ora di Roma)',
    en: 'Made by Sigillo {v} on {time} (Rome time)',
  },
  file: { it: 'File', en: 'File' },
  folder: { it: 'Cartella', en: 'Folder' },
  format: { it: 'Formato', en: 'Format' },
  content: { it: 'Contenuto firmato', en: 'Signed content' },
  sha: { it: 'SHA-256 del file', en: "File's SHA-256" },
  unreadable: { it: 'file non leggibile ora', en: 'file not readable now' },
  trust: { it: 'Fiducia', en: 'Trust' },
  lists: {
    it: 'elenchi di fiducia UE ({n} elenchi, aggiornati il {d})',
    en: 'EU trusted lists ({n} lists, updated on {d})',
  },
  listsNever: { it: 'elenchi di fiducia UE mai scaricati', en: 'EU trusted lists never downloaded' },
  listsStale: { it: ' — alcuni scaduti: aggiornarli', en: ' — some are out of date: update them' },
  listsOff: { it: 'elenchi di fiducia UE non usati', en: 'EU trusted lists not used' },
  files: { it: 'certificati fidati da file: {f}', en: 'trusted certificates from files: {f}' },
  facts: { it: 'Documento', en: 'Document' },
  page: { it: 'Sigillo {v} — pagina {p} di {n}', en: 'Sigillo {v} — page {p} of {n}' },
};

function trustWords(s: TrustState): string {
  const parts: string[] = [];
  if (!s.trustedLists) parts.push(t(L.listsOff));
  else if (!s.lastUpdate) parts.push(t(L.listsNever));
  else
    parts.push(
      t(L.lists, { n: s.lists, d: formatDateTime(s.lastUpdate) }) + (s.stale ? t(L.listsStale) : ''),
    );
  if (s.files.length > 0)
    parts.push(t(L.files, { f: s.files.map((f) => f.split(/[\\/]/).pop() ?? f).join(', ') }));
  return parts.join('; ');
}

function splitPath(path: string): { name: string; folder: string } {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at < 0 ? { name: path, folder: '' } : { name: path.slice(at + 1), folder: path.slice(0, at) || '/' };
}

function writeFile(flow: TextFlow, r: FileReport, ctx: ReportContext): void {
  flow.newPage();
  flow.write(t(L.title), { size: 16, bold: true });
  flow.write(t(L.made, { v: ctx.version, time: formatDateTime(ctx.now) }), { tone: 'muted', size: 8.5 });
  flow.gap(8);
  // the sentence the window shows first (shared/verdict/headline.ts); no signature: neutral
  const h = fileHeadline(r, getLang());
  flow.banner(h.tone === 'none' ? 'neutral' : h.tone, h.text);
  flow.gap(4);
  const { name, folder } = splitPath(r.file);
  flow.row(t(L.file), name, { bold: true });
  if (folder) flow.row(t(L.folder), folder, { tone: 'muted', size: 8.5 });
  if (r.format) flow.row(t(L.format), formatWords(r.format));
  if (r.content) flow.row(t(L.content), r.content);
  const sha = ctx.sha256.get(r.file);
  flow.row(t(L.sha), sha ?? t(L.unreadable), { mono: Boolean(sha), size: 8.5 });
  if (ctx.trust) flow.row(t(L.trust), trustWords(ctx.trust));
  documentFactLines(r).forEach((line, i) => flow.row(i === 0 ? t(L.facts) : '', line));
  flow.rule();
  r.signatures.forEach((s, n) =>
    writeSignature(flow, s, r, ctx, signatureTitle(n + 1, r.signatures.length), 0),
  );
}

export async function buildVerificationReport(
  reports: FileReport[],
  options: Partial<ReportContext> = {},
): Promise<Uint8Array> {
  const ctx = await reportContext(reports, options);
  const doc = await PDFDocument.create();
  doc.setTitle(t(L.title));
  doc.setProducer(`Sigillo ${ctx.version}`);
  doc.setCreationDate(ctx.now);
  const flow = new TextFlow(doc, {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  });
  for (const r of reports) {
    writeFile(flow, r, ctx);
    await ctx.afterFile?.(doc, r);
  }
  if (reports.length === 0) flow.newPage();
  flow.footer((p, n) => t(L.page, { v: ctx.version, p, n }));
  return doc.save();
}

export async function writeVerificationReport(
  reports: FileReport[],
  path: string,
  /** visual: the comparisons already made (CLI --visual-diff); made here when not given (issue 23) */
  o: { overwrite: boolean; visual?: Map<string, FileVisual> } & Partial<ReportContext>,
): Promise<void> {
  const { overwrite, visual, ...context } = o;
  const pages = visual ?? (await visualOfReports(reports));
  const bytes = await buildVerificationReport(reports, {
    // issue 23: the changed pages side by side after each file's text
    afterFile: (doc, r) => addVisualPages(doc, pages.get(r.file)),
    ...context,
  });
  await withAtomicOutput(path, { overwrite }, async (handle) => {
    await writeFully(handle, bytes);
  });
}
