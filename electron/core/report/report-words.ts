/**
 * The facts of a signature as the report PDF says them: revocation in words ("non revocato (OCSP, 06/12/2026
 * 22:10)"), the signature form (PAdES-B-T, CAdES-T…), the chain, the timestamps, qualified or not.
 */
import { formatDateTime } from '../../../shared/format/dates';
import { getLang, t } from '../i18n/translate';
import { revocationMessageIn } from '../../../shared/verdict/texts';
import type { PdfSignatureReport } from '../pdf/verify-pdf';
import type { TimestampReport } from '../verify/timestamp-report';
import type { RevocationReport } from '../revocation/revocation-report';
import type { ChainEntry, FileReport, SignatureReport } from '../verify/types';

const W = {
  good: { it: 'non revocato ({src}, {time})', en: 'not revoked ({src}, {time})' },
  goodNoTime: { it: 'non revocato ({src})', en: 'not revoked ({src})' },
  cached: { it: ', dalla cache', en: ', from the cache' },
  revoked: { it: 'REVOCATO il {time}{reason} ({src})', en: 'REVOKED on {time}{reason} ({src})' },
  unknown: { it: 'non verificabile: {why}', en: 'cannot be checked: {why}' },
  unreachable: { it: 'servizio non raggiungibile', en: 'service not reachable' },
  notChecked: { it: 'non verificato: {why}', en: 'not checked: {why}' },
  noData: { it: 'nessuna informazione', en: 'no information' },
  valid: { it: 'valida', en: 'valid' },
  invalid: { it: 'NON valida', en: 'NOT valid' },
  unverified: { it: 'non verificabile', en: 'cannot be checked' },
  archive: { it: 'marca di archiviazione', en: 'archive timestamp' },
  trusted: { it: 'fidato: {src}', en: 'trusted: {src}' },
  notTrusted: {
    it: 'nessun certificato fidato in cima alla catena',
    en: 'no trusted certificate at the top',
  },
  list: { it: 'elenco di fiducia {c}', en: 'trusted list {c}' },
  docTimestamp: { it: 'Marca temporale del documento (PAdES)', en: 'Document timestamp (PAdES)' },
  yes: { it: 'sì', en: 'yes' },
  no: { it: 'no', en: 'no' },
};

function source(r: RevocationReport): string {
  return r.source ? r.source.toUpperCase() : '-';
}

export function revocationWords(r: RevocationReport | null): string {
  if (!r) return t(W.noData);
  const src = source(r) + (r.cached ? t(W.cached) : '');
  switch (r.status) {
    case 'good':
      return r.thisUpdate ? t(W.good, { src, time: formatDateTime(r.thisUpdate) }) : t(W.goodNoTime, { src });
    case 'revoked': {
      const reason = r.revocationReason ? ` — ${r.revocationReason}` : '';
      return t(W.revoked, { src, reason, time: r.revocationTime ? formatDateTime(r.revocationTime) : '?' });
    }
    case 'unknown':
      return t(W.unknown, { why: revocationMessageIn(r, getLang()) ?? t(W.unreachable) });
    default:
      return t(W.notChecked, { why: revocationMessageIn(r, getLang()) ?? t(W.unreachable) });
  }
}

function validTimestamps(s: SignatureReport): TimestampReport[] {
  return (s.timestamps ?? []).filter((ts) => ts.integrity === 'valid' && ts.imprintMatches);
}

/** The ETSI form the signature reached: PAdES-B-B/B-T/B-LT/B-LTA, CAdES-BES/T/LTA, XAdES-…, or the raw form. */
export function signatureForm(file: FileReport, s: SignatureReport): string {
  const pdf = s as Partial<PdfSignatureReport>;
  const stamps = validTimestamps(s);
  if (file.format === 'pades' && pdf.subFilter !== undefined) {
    if (pdf.documentTimestamp) return t(W.docTimestamp);
    const later = pdf.modifications?.allowedChanges ?? [];
    const base = pdf.subFilter === 'ETSI.CAdES.detached' ? 'PAdES' : `PDF (${pdf.subFilter})`;
    if (stamps.length === 0) return pdf.subFilter === 'ETSI.CAdES.detached' ? 'PAdES-B-B' : base;
    if (!later.includes('dss')) return pdf.subFilter === 'ETSI.CAdES.detached' ? 'PAdES-B-T' : `${base} + T`;
    if (!later.includes('timestamp')) return `${base}-B-LT`;
    return `${base}-B-LTA`;
  }
  if (s.cadesForm === 'CAdES-BES' || s.cadesForm === 'CAdES-EPES') {
    if (stamps.some((ts) => ts.type === 'archive')) return 'CAdES-LTA';
    if (stamps.length > 0) return 'CAdES-T';
  }
  return s.cadesForm;
}

export function timestampWords(ts: TimestampReport): string {
  const state =
    ts.indication === 'TOTAL_PASSED'
      ? t(W.valid)
      : ts.integrity === 'invalid'
        ? t(W.invalid)
        : t(W.unverified);
  const kind = ts.type === 'archive' ? ` (${t(W.archive)})` : '';
  return `${formatDateTime(ts.genTime)} — ${ts.tsa ?? '?'}${kind} — ${state}`;
}

/** The time the signature was made: a valid timestamp's time when there is one (proven), else the claimed one. */
export function provenTime(s: SignatureReport): string | null {
  const times = validTimestamps(s)
    .filter((ts) => ts.type !== 'archive')
    .map((ts) => ts.genTime)
    .sort();
  return times[0] ?? null;
}

function commonName(dn: string): string {
  return /(?:^|,\s*)CN=((?:\\,|[^,])+)/.exec(dn)?.[1]?.replace(/\\,/g, ',') ?? dn;
}

function trustSource(src: string | null): string {
  if (!src) return '';
  if (src.startsWith('file:')) return src.slice(5).split(/[\\/]/).pop() ?? src;
  if (src.startsWith('tl:')) return t(W.list, { c: src.slice(3) });
  return src;
}

/** "ROSSI MARIO › Sigillo Test Qualified CA › Sigillo Test Root CA (fidato: root.pem)" */
export function chainWords(chain: ChainEntry[]): string {
  if (chain.length === 0) return t(W.noData);
  const names = chain.map((c) => commonName(c.subject)).join(' › ');
  const anchor = chain.find((c) => c.trustAnchor);
  return `${names} (${anchor ? t(W.trusted, { src: trustSource(anchor.trustSource) }) : t(W.notTrusted)})`;
}

export function qualifiedWords(s: SignatureReport): string {
  if (!s.qualified) return t(W.no);
  const qc = s.certificate?.qc;
  const parts = [qc?.compliance ? 'QC' : '', qc?.sscd ? 'QSCD' : ''].filter(Boolean);
  return `${t(W.yes)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

const FORMATS: Record<string, string> = {
  pades: 'PDF (PAdES)',
  cades: 'CAdES (.p7m / .p7s)',
  cms: 'CMS (.p7m)',
  xades: 'XML (XAdES)',
  'asic-e': 'ASiC-E',
  'asic-s': 'ASiC-S',
  tsd: 'TimeStampedData (.tsd)',
  tsr: 'RFC 3161 (.tsr)',
  m7m: 'm7m (.p7m + RFC 3161)',
};

/** The file format as people name it: "PDF (PAdES)", "CAdES (.p7m / .p7s)"…; an unknown code as it is. */
export function formatWords(format: string): string {
  return FORMATS[format] ?? format;
}
