/** Human-readable (Italian/English) lines for tokens and certificates; the fiscal code comes first. */
import { daysLeft, formatDate } from '../../shared/format/dates';
import { t } from '../core/i18n/translate';
import type { CertInfo } from '../core/x509/cert-info-types';
import type { PinStatus, TokenCertificate, TokenInfo } from '../core/pkcs11/token-types';

const ROLE = {
  signature: { it: 'firma digitale', en: 'digital signature' },
  authentication: { it: 'autenticazione', en: 'authentication' },
  other: { it: 'altro', en: 'other' },
};

const YES = { it: 'sì', en: 'yes' };
const NO = { it: 'no', en: 'no' };

export function pinText(p: PinStatus): string {
  if (!p.initialized) return t({ it: 'non impostato', en: 'not set' });
  if (p.locked) return t({ it: 'BLOCCATO', en: 'BLOCKED' });
  const notes: string[] = [];
  if (p.finalTry)
    notes.push(t({ it: 'ultimo tentativo prima del blocco', en: 'last attempt before blocking' }));
  else if (p.countLow)
    notes.push(
      t({ it: 'inseriti PIN errati, pochi tentativi', en: 'wrong PINs entered, few attempts left' }),
    );
  if (p.toBeChanged) notes.push(t({ it: 'da cambiare', en: 'must be changed' }));
  return notes.length ? `⚠ ${notes.join(', ')}` : t({ it: 'ok', en: 'ok' });
}

export function validityText(info: CertInfo, now = new Date()): string {
  const end = new Date(info.notAfter).getTime();
  const start = new Date(info.notBefore).getTime();
  const range = `${formatDate(info.notBefore)} → ${formatDate(info.notAfter)}`;
  if (now.getTime() > end) return `${range} (${t({ it: 'SCADUTO', en: 'EXPIRED' })})`;
  if (now.getTime() < start) return `${range} (${t({ it: 'non ancora valido', en: 'not yet valid' })})`;
  const days = daysLeft(info.notAfter, now);
  return `${range} (${t({ it: 'scade tra {d} giorni', en: 'expires in {d} days' }, { d: days })})`;
}

export function qcText(info: CertInfo): string {
  if (!info.qc.present) return t(NO);
  const parts = [
    info.qc.compliance ? t({ it: 'qualificato', en: 'qualified' }) : '',
    info.qc.sscd ? 'QSCD' : '',
    ...info.qc.types,
  ].filter(Boolean);
  return `${t(YES)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export function keyText(info: CertInfo): string {
  const kind = info.keyType === 'rsa' ? 'RSA' : info.keyType === 'ec' ? 'EC' : '?';
  return `${kind} ${info.keySize}${info.curve ? ` (${info.curve})` : ''}`;
}

type Row = [label: { it: string; en: string }, value: string | undefined];

function rows(list: Row[], indent: string): string[] {
  const shown = list.filter(([, v]) => v !== undefined && v !== '');
  const width = Math.max(...shown.map(([l]) => t(l).length));
  return shown.map(([l, v]) => `${indent}${(t(l) + ':').padEnd(width + 1)} ${v}`);
}

function summaryRows(i: CertInfo): Row[] {
  return [
    [{ it: 'Codice fiscale', en: 'Fiscal code' }, i.subject.fiscalCode ?? '-'],
    [{ it: 'Titolare', en: 'Holder' }, i.subject.commonName],
    [{ it: 'Nome', en: 'Given name' }, i.subject.givenName],
    [{ it: 'Cognome', en: 'Surname' }, i.subject.surname],
    [{ it: 'Emesso da', en: 'Issued by' }, i.issuer.commonName ?? i.issuer.dn],
    [{ it: 'Numero di serie', en: 'Serial number' }, i.serialNumber],
    [{ it: 'Validità', en: 'Validity' }, validityText(i)],
    [{ it: 'Uso chiave', en: 'Key usage' }, i.keyUsage.join(', ')],
    [{ it: 'Qualificato (QC)', en: 'Qualified (QC)' }, qcText(i)],
    [{ it: 'Chiave', en: 'Key' }, keyText(i)],
  ];
}

function detailRows(i: CertInfo): Row[] {
  const list = (v: string[]) => (v.length ? v.join(', ') : undefined);
  return [
    [{ it: 'Soggetto', en: 'Subject' }, i.subject.dn],
    [{ it: 'Emittente', en: 'Issuer' }, i.issuer.dn],
    [{ it: 'Uso esteso', en: 'Extended key usage' }, list(i.extendedKeyUsage)],
    [{ it: 'Politiche', en: 'Policies' }, list(i.policies)],
    [{ it: 'Dichiarazioni QC', en: 'QC statements' }, list(i.qc.statements)],
    [{ it: 'Autorità (CA)', en: 'Authority (CA)' }, t(i.isCA ? YES : NO)],
    [{ it: 'Liste di revoca (CRL)', en: 'Revocation lists (CRL)' }, list(i.crlDistributionPoints)],
    [{ it: 'OCSP', en: 'OCSP' }, list(i.ocspUrls)],
    [{ it: 'Certificato CA', en: 'CA certificate' }, list(i.caIssuersUrls)],
    [{ it: 'ID chiave soggetto', en: 'Subject key ID' }, i.subjectKeyIdentifier],
    [{ it: 'ID chiave autorità', en: 'Authority key ID' }, i.authorityKeyIdentifier],
    [{ it: 'Impronta SHA-256', en: 'SHA-256 fingerprint' }, i.fingerprintSha256],
  ];
}

function certTitle(c: TokenCertificate): string {
  return `[${c.id}] ${c.label} — ${t(ROLE[c.role])}`;
}

/** The short form used by `devices`. */
export function certificateSummary(c: TokenCertificate, indent = '    '): string[] {
  return [`${indent}${certTitle(c)}`, ...rows(summaryRows(c.info), indent + '  ')];
}

/** Every detail, used by `cert`. */
export function certificateDetails(c: TokenCertificate): string[] {
  return [certTitle(c), ...rows([...summaryRows(c.info), ...detailRows(c.info)], '  ')];
}

export function tokenHeader(tk: TokenInfo): string[] {
  return [
    `${t({ it: 'Dispositivo', en: 'Device' })} "${tk.label}" — ${tk.manufacturer} ${tk.model}`,
    ...rows(
      [
        [{ it: 'Numero di serie', en: 'Serial number' }, tk.serialNumber],
        [{ it: 'Slot', en: 'Slot' }, `${tk.slotId} (${tk.slotDescription})`],
        [{ it: 'PIN', en: 'PIN' }, pinText(tk.userPin)],
        [{ it: 'PUK', en: 'PUK' }, pinText(tk.soPin)],
        [{ it: 'Lunghezza PIN', en: 'PIN length' }, `${tk.minPinLength}–${tk.maxPinLength}`],
      ],
      '  ',
    ),
  ];
}
