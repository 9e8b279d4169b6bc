/**
 * One signature in the report PDF: the verdict in words (ETSI codes as a small second line), then signer, fiscal
 * code, organisation, CA, when, form, timestamps, chain, revocation, qualified, changes after signing (PDF) —
 * then the context's section hooks, then its counter-signatures, indented.
 */
import { formatDateTime } from '../../../shared/format/dates';
import { getLang, t } from '../i18n/translate';
import { explanationIn, messagesIn } from '../../../shared/verdict/texts';
import { itemLine, reportedItems } from '../pdf/diff/describe';
import type { PdfSignatureReport } from '../pdf/verify-pdf';
import type { FileReport, SignatureReport } from '../verify/types';
import type { TextFlow } from './pdf-text';
import type { ReportContext } from './report-context';
import { signatureLabel, signatureTone, signerName } from '../../../shared/verdict/headline';
import {
  chainWords,
  provenTime,
  qualifiedWords,
  revocationWords,
  signatureForm,
  timestampWords,
} from './report-words';

const L = {
  signature: { it: 'Firma {n}', en: 'Signature {n}' },
  counter: { it: 'Controfirma', en: 'Counter-signature' },
  level: { it: ' (livello di annidamento {d})', en: ' (nesting level {d})' },
  result: { it: 'Esito', en: 'Result' },
  etsi: { it: 'Codice ETSI EN 319 102-1: {v}', en: 'ETSI EN 319 102-1 code: {v}' },
  signer: { it: 'Firmatario', en: 'Signer' },
  fiscal: { it: 'Codice fiscale', en: 'Fiscal code' },
  org: { it: 'Organizzazione', en: 'Organisation' },
  ca: { it: 'Ente certificatore', en: 'Certification authority' },
  when: { it: 'Quando', en: 'When' },
  proven: {
    it: '{t} (ora di Roma, certificata da marca temporale)',
    en: '{t} (Rome time, proven by a timestamp)',
  },
  claimed: {
    it: '{t} (ora di Roma, dichiarata dal firmatario)',
    en: '{t} (Rome time, as claimed by the signer)',
  },
  unknownTime: { it: 'non indicato', en: 'not given' },
  form: { it: 'Forma', en: 'Form' },
  timestamps: { it: 'Marche temporali', en: 'Timestamps' },
  none: { it: 'nessuna', en: 'none' },
  chain: { it: 'Catena', en: 'Chain' },
  revocation: { it: 'Revoca', en: 'Revocation' },
  qualified: { it: 'Firma qualificata', en: 'Qualified signature' },
  integrity: { it: 'Integrità', en: 'Integrity' },
  intact: { it: 'integra ({d}, {s})', en: 'intact ({d}, {s})' },
  broken: { it: 'NON integra ({d}, {s})', en: 'NOT intact ({d}, {s})' },
  unchecked: {
    it: 'da verificare: manca il documento firmato ({d}, {s})',
    en: 'to be checked: the signed document is missing ({d}, {s})',
  },
  changes: { it: 'Modifiche dopo la firma', en: 'Changes after signing' },
  wholeDoc: {
    it: 'nessuna: la firma copre tutto il documento',
    en: 'none: the signature covers the whole document',
  },
  allowed: {
    it: 'aggiornamenti successivi: {n}, tutti consentiti',
    en: 'later updates: {n}, all permitted',
  },
  refused: {
    it: 'aggiornamenti successivi: {n}, con modifiche NON consentite',
    en: 'later updates: {n}, with changes NOT permitted',
  },
  details: { it: 'Dettagli', en: 'Details' },
};

const VERDICT = {
  ok: { it: 'valida', en: 'valid' },
  warn: { it: 'non verificabile', en: 'cannot be verified' },
  bad: { it: 'NON valida', en: 'NOT valid' },
  partial: { it: 'valida solo per una parte', en: 'valid for part only' },
};

function whenText(s: SignatureReport): string {
  const proven = provenTime(s);
  if (proven) return t(L.proven, { t: formatDateTime(proven) });
  return s.signingTime ? t(L.claimed, { t: formatDateTime(s.signingTime) }) : t(L.unknownTime);
}

function changesText(s: SignatureReport): string | null {
  const pdf = s as Partial<PdfSignatureReport>;
  if (pdf.subFilter === undefined) return null;
  const m = pdf.modifications;
  if (!m) return t(L.wholeDoc);
  return t(m.allowed ? L.allowed : L.refused, { n: m.laterRevisions });
}

export function writeSignature(
  flow: TextFlow,
  s: SignatureReport,
  file: FileReport,
  ctx: ReportContext,
  title: string,
  indent: number,
): void {
  const tone = signatureTone(s);
  const o = { indent };
  flow.gap(6);
  flow.write(title + (s.depth > 0 ? t(L.level, { d: s.depth }) : ''), { bold: true, size: 12, indent });
  const verdict = t(VERDICT[signatureLabel(s)]);
  flow.row(t(L.result), `${verdict} — ${explanationIn(s, getLang())}`, { ...o, bold: true, tone });
  const code = s.subIndication ? `${s.indication} / ${s.subIndication}` : s.indication;
  flow.row('', t(L.etsi, { v: code }), { ...o, size: 7.5, tone: 'muted' });
  flow.row(t(L.signer), signerName(s), { ...o, bold: true });
  flow.row(t(L.fiscal), s.signer.fiscalCode ?? '-', o);
  flow.row(t(L.org), s.signer.organization ?? s.certificate?.subject.organization ?? '-', o);
  flow.row(t(L.ca), s.certificate?.issuer.commonName ?? s.certificate?.issuer.dn ?? '-', o);
  flow.row(t(L.when), whenText(s), o);
  flow.row(t(L.form), signatureForm(file, s), o);
  const stamps = s.timestamps ?? [];
  if (stamps.length === 0) flow.row(t(L.timestamps), t(L.none), o);
  stamps.forEach((ts, i) => flow.row(i === 0 ? t(L.timestamps) : '', timestampWords(ts), o));
  flow.row(t(L.chain), chainWords(s.chain), o);
  flow.row(t(L.revocation), revocationWords(s.revocation), {
    ...o,
    tone: s.revocation?.status === 'revoked' ? 'bad' : 'normal',
  });
  flow.row(t(L.qualified), qualifiedWords(s), o);
  const alg = { d: s.digestAlgorithm, s: s.signatureAlgorithm };
  const unchecked = s.contentMissing && s.indication === 'INDETERMINATE';
  const integrity = s.integrity === 'valid' ? L.intact : unchecked ? L.unchecked : L.broken;
  flow.row(t(L.integrity), t(integrity, alg), {
    ...o,
    tone: s.integrity === 'valid' ? 'normal' : unchecked ? 'warn' : 'bad',
  });
  const changes = changesText(s);
  if (changes !== null) pdfChanges(flow, s, changes, indent);
  for (const hook of ctx.sectionHooks) hook(flow, s, file, indent);
  messagesIn(s, getLang()).forEach((m, i) =>
    flow.row(i === 0 ? t(L.details) : '', m, { ...o, size: 8, tone: 'muted' }),
  );
  for (const cs of s.counterSignatures) writeSignature(flow, cs, file, ctx, t(L.counter), indent + 15);
}

/** PDF signatures: the changes made after signing, each with the rule that allowed or refused it */
function pdfChanges(flow: TextFlow, s: SignatureReport, summary: string, indent: number): void {
  const m = (s as Partial<PdfSignatureReport>).modifications;
  flow.row(t(L.changes), summary, { indent, tone: m && !m.allowed ? 'bad' : 'normal' });
  if (!m) return;
  for (const item of reportedItems(m)) {
    flow.row('', `${item.allowed ? '+' : 'x'} ${itemLine(item)}`, {
      indent,
      size: 8.5,
      tone: item.allowed ? 'muted' : 'bad',
    });
  }
}

export function signatureTitle(n: number, count: number): string {
  return count > 1 ? `${t(L.signature, { n })} / ${count}` : t(L.signature, { n });
}
