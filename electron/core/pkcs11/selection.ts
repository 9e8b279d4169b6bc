/**
 * Which token and which certificate: `--token LABEL` (label or serial number) and `--cert ID` (hex CKA_ID).
 * By default the only token and its signature (nonRepudiation) certificate; the authentication certificate only
 * when named.
 */
import { failure } from '../errors';
import type { TokenCertificate, TokenInfo } from './token-types';

const list = (items: string[]) => items.map((s) => `"${s}"`).join(', ');

export function findTokenIn(tokens: TokenInfo[], label?: string): TokenInfo {
  if (tokens.length === 0) {
    throw failure('TOKEN_NOT_FOUND');
  }
  const labels = tokens.map((tk) => tk.label);
  if (label === undefined || label === '') {
    if (tokens.length === 1 && tokens[0]) return tokens[0];
    throw failure('TOKEN_AMBIGUOUS', { n: tokens.length, labels: list(labels) }, { labels });
  }
  let matches = tokens.filter((tk) => tk.label === label || tk.serialNumber === label);
  if (matches.length === 0) matches = tokens.filter((tk) => tk.label.toLowerCase() === label.toLowerCase());
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw failure(
      'TOKEN_AMBIGUOUS:label',
      { label, serials: list(matches.map((m) => m.serialNumber)) },
      { labels },
    );
  }
  throw failure('TOKEN_NOT_FOUND:label', { label, labels: list(labels) }, { labels });
}

/** Normalises a user-typed CKA_ID: lower case, no ':' or spaces, no 0x. */
export function normaliseId(id: string): string {
  return id.trim().toLowerCase().replace(/^0x/, '').replace(/[\s:]/g, '');
}

export function chooseCertificateIn(token: TokenInfo, certId?: string): TokenCertificate {
  const ids = token.certificates.map((c) => `${c.id} (${c.role}, ${c.label})`);
  if (certId !== undefined && certId !== '') {
    const want = normaliseId(certId);
    const found = token.certificates.find((c) => c.id === want);
    if (found) return found;
    throw failure(
      'CERT_NOT_FOUND',
      { id: want, token: token.label, ids: ids.join('; ') || '-' },
      { ids: token.certificates.map((c) => c.id) },
    );
  }
  const signature = token.certificates.filter((c) => c.role === 'signature');
  if (signature.length === 1 && signature[0]) return signature[0];
  if (signature.length === 0) {
    throw failure(
      'NO_SIGNATURE_CERT',
      { token: token.label, ids: ids.join('; ') || '-' },
      { ids: token.certificates.map((c) => c.id) },
    );
  }
  throw failure(
    'CERT_AMBIGUOUS',
    { token: token.label, ids: ids.join('; ') },
    { ids: signature.map((c) => c.id) },
  );
}
