/** Small facts derived from a token as the page sees it (shared/ TokenView): which certificate, how long left. */
import { daysLeft as romeDaysLeft } from '../../../shared/format/dates';
import type { TokenCertificateView, TokenView } from '../../../shared/schemas/certificates';

export type ExpiryTone = 'ok' | 'warn' | 'bad';

export function signatureCertificate(token: TokenView): TokenCertificateView | undefined {
  return (
    token.certificates.find((c) => c.role === 'signature') ??
    token.certificates.find((c) => c.info.keyUsage.includes('nonRepudiation'))
  );
}

/** The certificate that speaks for the device: the signature one, else the first. */
export function mainCertificate(token: TokenView): TokenCertificateView | undefined {
  return signatureCertificate(token) ?? token.certificates[0];
}

/** Rome calendar days until notAfter (negative when expired): the renewal module's rule (shared/format). */
export function daysLeft(cert: TokenCertificateView, now: Date = new Date()): number {
  if (cert.renewal) return cert.renewal.daysLeft;
  return romeDaysLeft(cert.info.notAfter, now);
}

function isExpired(cert: TokenCertificateView, now: Date = new Date()): boolean {
  return Date.parse(cert.info.notAfter) <= now.getTime();
}

/** Amber inside 90 days, red when expired. */
export function expiryTone(cert: TokenCertificateView, now: Date = new Date()): ExpiryTone {
  if (isExpired(cert, now)) return 'bad';
  return daysLeft(cert, now) <= 90 ? 'warn' : 'ok';
}

export function holderName(cert: TokenCertificateView | undefined): string {
  if (!cert) return '';
  const s = cert.info.subject;
  return s.commonName ?? [s.surname, s.givenName].filter(Boolean).join(' ');
}
