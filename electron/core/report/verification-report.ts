/**
 * The verification report as PDF (pdf-lib, standard Helvetica: WinAnsi covers Italian accents): one page per
 * file (continued on more pages when long), in the user's language, written atomically.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { withAtomicOutput } from '../files/atomic-output';
import { writeFully } from '../files/write-fully';
import { t } from '../i18n/translate';
import type { FileReport, SignatureReport } from '../verify/types';
import { TextFlow, type Tone } from './pdf-text';
import { documentFactLines } from '../xades/document-facts';
import type { PdfSignatureReport } from '../pdf/verify-pdf';
import { itemLine, reportedItems } from '../pdf/diff/describe';
import { visualOfReports, type FileVisual } from '../pdf/visual/visual-of-reports';
import { addVisualPages } from './visual-pages';

const L = {
  title: { it: 'Rapporto di verifica delle firme digitali', en: 'Digital signature verification report' },
  made: { it: 'Generato da Sigillo il {time}', en: 'Made by Sigillo on {time}' },
  file: { it: 'File: {file}', en: 'File: {file}' },
  format: { it: 'Formato: {f}', en: 'Format: {f}' },
  content: { it: 'Contenuto firmato: {f}', en: 'Signed content: {f}' },
  error: { it: 'Errore: {m}', en: 'Error: {m}' },
  none: { it: 'Nessuna firma trovata.', en: 'No signature found.' },
  signature: { it: 'Firma {n}', en: 'Signature {n}' },
  counter: { it: 'Controfirma', en: 'Counter-signature' },
  level: { it: ' (livello di annidamento {d})', en: ' (nesting level {d})' },
  signer: { it: 'Firmatario: {v}', en: 'Signer: {v}' },
  fiscal: { it: 'Codice fiscale: {v}', en: 'Fiscal code: {v}' },
  time: { it: 'Data di firma dichiarata: {v}', en: 'Claimed signing time: {v}' },
  result: { it: 'Esito: {v}', en: 'Result: {v}' },
  integrity: { it: 'Integrità: {v}', en: 'Integrity: {v}' },
  algorithms: { it: 'Algoritmi: {d} / {s} — forma {f}', en: 'Algorithms: {d} / {s} — form {f}' },
  qualified: { it: 'Firma qualificata: {v}', en: 'Qualified signature: {v}' },
  issuer: { it: 'Emesso da: {v}', en: 'Issued by: {v}' },
  validity: { it: 'Validità del certificato: {a} — {b}', en: 'Certificate validity: {a} — {b}' },
  revocation: { it: 'Revoca: {v}', en: 'Revocation: {v}' },
  yes: { it: 'sì', en: 'yes' },
  no: { it: 'no', en: 'no' },
  valid: { it: 'valida', en: 'valid' },
  invalid: { it: 'NON valida', en: 'NOT valid' },
  unknown: { it: 'non indicata', en: 'not given' },
  changes: { it: 'Modifiche dopo la firma ({n} aggiornamenti):', en: 'Changes after signing ({n} updates):' },
};

function tone(s: SignatureReport): Tone {
  if (s.indication === 'TOTAL_PASSED') return 'ok';
  return s.indication === 'TOTAL_FAILED' ? 'bad' : 'warn';
}

function revocationText(s: SignatureReport): string {
  const r = s.revocation;
  if (!r) return '-';
  const parts: string[] = [r.status];
  if (r.source) parts.push(r.source.toUpperCase());
  if (r.revocationTime) parts.push(r.revocationTime);
  if (r.message) parts.push(r.message);
  return parts.join(' — ');
}

function signature(flow: TextFlow, s: SignatureReport, title: string, indent: number): void {
  const none = t(L.unknown);
  const c = s.certificate;
  flow.gap(4);
  flow.write(title + (s.depth > 0 ? t(L.level, { d: s.depth }) : ''), { bold: true, size: 11, indent });
  const i = indent + 10;
  const name =
    s.signer.commonName ?? ([s.signer.givenName, s.signer.surname].filter(Boolean).join(' ') || none);
  flow.write(t(L.signer, { v: name }), { indent: i, bold: true });
  flow.write(t(L.fiscal, { v: s.signer.fiscalCode ?? none }), { indent: i });
  flow.write(t(L.time, { v: s.signingTime ?? none }), { indent: i });
  const sub = s.subIndication ? ` / ${s.subIndication}` : '';
  flow.write(t(L.result, { v: `${s.indication}${sub}` }), { indent: i, bold: true, tone: tone(s) });
  flow.write(s.explanation, { indent: i, tone: tone(s) });
  flow.write(t(L.integrity, { v: t(s.integrity === 'valid' ? L.valid : L.invalid) }), { indent: i });
  flow.write(t(L.algorithms, { d: s.digestAlgorithm, s: s.signatureAlgorithm, f: s.cadesForm }), {
    indent: i,
  });
  flow.write(t(L.qualified, { v: t(s.qualified ? L.yes : L.no) }), { indent: i });
  if (c) {
    flow.write(t(L.issuer, { v: c.issuer.dn }), { indent: i, tone: 'muted' });
    flow.write(t(L.validity, { a: c.notBefore, b: c.notAfter }), { indent: i, tone: 'muted' });
  }
  flow.write(t(L.revocation, { v: revocationText(s) }), { indent: i, tone: 'muted' });
  pdfChanges(flow, s, i);
  for (const m of s.messages) flow.write(`- ${m}`, { indent: i, tone: 'muted', size: 9 });
  for (const cs of s.counterSignatures) signature(flow, cs, t(L.counter), indent + 15);
}

/** PDF signatures: the changes made after signing, each with the rule that allowed or refused it */
function pdfChanges(flow: TextFlow, s: SignatureReport, indent: number): void {
  const m = (s as Partial<PdfSignatureReport>).modifications;
  if (!m) return;
  flow.write(t(L.changes, { n: m.laterRevisions }), {
    indent,
    bold: true,
    tone: m.allowed ? 'muted' : 'bad',
  });
  for (const item of reportedItems(m)) {
    flow.write(`${item.allowed ? '+' : 'x'} ${itemLine(item)}`, {
      indent: indent + 10,
      size: 9,
      tone: item.allowed ? 'muted' : 'bad',
    });
  }
}

export async function buildVerificationReport(
  reports: FileReport[],
  now = new Date(),
  visual?: Map<string, FileVisual>,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(t(L.title));
  doc.setProducer('Sigillo');
  doc.setCreationDate(now);
  const flow = new TextFlow(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  for (const r of reports) {
    flow.newPage();
    flow.write(t(L.title), { size: 16, bold: true });
    flow.write(t(L.made, { time: now.toISOString() }), { tone: 'muted', size: 9 });
    flow.gap(8);
    flow.write(t(L.file, { file: r.file }), { bold: true, size: 11 });
    if (r.format) flow.write(t(L.format, { f: r.format }));
    if (r.content) flow.write(t(L.content, { f: r.content }));
    for (const line of documentFactLines(r)) flow.write(line);
    if (r.error) flow.write(t(L.error, { m: r.error.message }), { tone: 'bad', bold: true });
    else if (r.signatures.length === 0) flow.write(t(L.none), { tone: 'bad' });
    r.signatures.forEach((s, n) => signature(flow, s, t(L.signature, { n: n + 1 }), 0));
    await addVisualPages(doc, visual?.get(r.file)); // issue 23: the changed pages side by side
  }
  if (reports.length === 0) flow.newPage();
  return doc.save();
}

export async function writeVerificationReport(
  reports: FileReport[],
  path: string,
  /** visual: the comparisons already made (CLI --visual-diff); made here when not given */
  o: { overwrite: boolean; visual?: Map<string, FileVisual> },
): Promise<void> {
  const bytes = await buildVerificationReport(
    reports,
    new Date(),
    o.visual ?? (await visualOfReports(reports)),
  );
  await withAtomicOutput(path, o, async (handle) => {
    await writeFully(handle, bytes);
  });
}
