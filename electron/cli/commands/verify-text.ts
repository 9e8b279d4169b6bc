/** The readable summary `sigillo verify` prints without --json: ✔ / ⚠ / ✖ per signature, signer, time, reason. */
import { formatDateTime } from '../../../shared/format/dates';
import { t } from '../../core/i18n/translate';
import type { FileReport, SignatureReport } from '../../core/verify/types';
import { pdfSignatureLines } from './verify-pdf-text';
import { xadesFileLines } from './verify-xades-text';
import { timestampFileLines, timestampSignatureLines } from './verify-timestamp-text';
import { isDocumentTimestamp, reportPassed } from '../../core/validate/report-passed';
import { NOT_FOR_SIGNING, notForSigning } from '../../core/verify/signer-checks';
import { oneLine } from '../terminal-text';
import { isBesideNotSignedNote } from '../../core/verify/beside-content';
import { isScopeNote } from '../../core/xades/scope-notes';

function mark(s: SignatureReport): string {
  if (s.indication === 'TOTAL_PASSED') return s.partialScope ? '⚠' : '✔';
  if (s.contentMissing && s.indication === 'INDETERMINATE') return '⚠';
  return s.indication === 'TOTAL_FAILED' || s.integrity === 'invalid' ? '✖' : '⚠';
}

function who(s: SignatureReport): string {
  const name =
    s.signer.commonName ?? ([s.signer.givenName, s.signer.surname].filter(Boolean).join(' ') || '?');
  return s.signer.fiscalCode ? `${name} (${s.signer.fiscalCode})` : name;
}

function when(s: SignatureReport): string {
  return s.signingTime ? formatDateTime(s.signingTime) : t({ it: 'ora non indicata', en: 'no time given' });
}

function signatureLines(s: SignatureReport, indent: string, counter: boolean): string[] {
  const level = s.depth > 0 ? t({ it: ' [livello {d}]', en: ' [level {d}]' }, { d: s.depth }) : '';
  const label = counter ? t({ it: 'controfirma: ', en: 'counter-signature: ' }) : '';
  const head = `${indent}${mark(s)} ${label}${who(s)} — ${when(s)}${level}`;
  const integrity =
    s.integrity === 'valid'
      ? t({ it: 'integrità: valida', en: 'integrity: valid' })
      : s.contentMissing && s.indication === 'INDETERMINATE'
        ? t({ it: 'integrità: da verificare col documento', en: 'integrity: to check with the document' })
        : t({ it: 'integrità: NON valida', en: 'integrity: NOT valid' });
  const qualified = s.qualified ? t({ it: ', qualificata', en: ', qualified' }) : '';
  const lines = [
    head,
    `${indent}    ${s.indication}${s.subIndication ? `/${s.subIndication}` : ''} — ${integrity}${qualified}`,
    `${indent}    ${s.explanation}`,
    // made with an authentication certificate (a CNS's other one): valid, but no qualified signature
    ...(s.certificate && notForSigning(s.certificate) ? [`${indent}    ⚠ ${t(NOT_FOR_SIGNING)}`] : []),
    // the document beside an attached signature is not the one it signed (cms-file-verifier)
    ...s.messages.filter(isBesideNotSignedNote).map((m) => `${indent}    ⚠ ${m}`),
    // an XML signature over part of the file: what it signs and that the rest is not signed (its notes)
    ...(s.partialScope ? s.messages.filter(isScopeNote).map((m) => `${indent}    ⚠ ${m}`) : []),
    ...pdfSignatureLines(s, indent),
    ...timestampSignatureLines(s, indent),
  ];
  for (const c of s.counterSignatures) lines.push(...signatureLines(c, `${indent}    `, true));
  return lines;
}

export function fileSummary(r: FileReport): string {
  if (r.error) return oneLine(`✖ ${r.file}: ${r.error.message}`);
  const lines = [`${r.file} (${r.format ?? '?'})`, ...xadesFileLines(r), ...timestampFileLines(r)];
  if (r.signatures.length === 0 && !r.timestamps?.length)
    lines.push(`  ✖ ${t({ it: 'nessuna firma', en: 'no signature' })}`);
  else if (r.signatures.length === 0 && r.format !== 'tsr') lines.push(`  ✖ ${t(UNSIGNED_CONTENT)}`);
  else if (r.signatures.every(isDocumentTimestamp)) lines.push(`  ✖ ${t(TIMESTAMPED_ONLY)}`);
  for (const s of r.signatures) lines.push(...signatureLines(s, '  ', false));
  if (lacksAnchor(r.signatures)) lines.push(`  → ${t(UPDATE_TRUST_HINT)}`);
  if (r.signatures.some((s) => s.contentMissing)) lines.push(`  → ${t(CONTENT_HINT)}`);
  // a line feed inside a name or field from the file would start a line of its own making
  return lines.map(oneLine).join('\n');
}

/** A .tsd/.m7m whose content carries no signature: its timestamp proves a time, not who signed (exit 1). */
const UNSIGNED_CONTENT = {
  it: 'nessuna firma: il contenuto marcato non è firmato (la marca temporale prova solo che esisteva a quella data)',
  en: 'no signature: the timestamped content is not signed (the timestamp only proves it existed at that time)',
};

/** A PDF whose only "signatures" are document timestamps: they prove a time, not who signed (exit 1). */
const TIMESTAMPED_ONLY = {
  it: 'nessuna firma: il documento ha solo marche temporali del documento, non è firmato (provano solo che esisteva a quella data)',
  en: 'no signature: the document carries document timestamps only, it is not signed (they only prove it existed at that time)',
};

/** How to give a detached signature its document (the core's explanation names no option). */
const CONTENT_HINT = {
  it: 'Oppure indica il documento con --content FILE.',
  en: 'Or give the document with --content FILE.',
};

/** How to fix a signature whose certificate chains to no trusted anchor (the app says the same). */
const UPDATE_TRUST_HINT = {
  it: 'Per riconoscere l’ente che ha emesso il certificato, aggiorna gli elenchi di fiducia UE (sigillo trust update), poi verifica di nuovo.',
  en: 'To recognise the authority that issued the certificate, update the EU trusted lists (sigillo trust update), then verify again.',
};

function lacksAnchor(sigs: SignatureReport[]): boolean {
  return sigs.some(
    (s) => s.subIndication === 'NO_CERTIFICATE_CHAIN_FOUND' || lacksAnchor(s.counterSignatures),
  );
}

/** every signature, counter-signatures included, passed */
export function allPassed(reports: FileReport[]): boolean {
  return reports.every(reportPassed);
}
