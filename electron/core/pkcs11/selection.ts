/**
 * Which token and which certificate: `--token LABEL` (label or serial number) and `--cert ID` (hex CKA_ID).
 * By default the only token and its signature (nonRepudiation) certificate; the authentication certificate only
 * when named.
 */
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';
import type { TokenCertificate, TokenInfo } from './token-types';

const list = (items: string[]) => items.map((s) => `"${s}"`).join(', ');

export function findTokenIn(tokens: TokenInfo[], label?: string): TokenInfo {
  if (tokens.length === 0) {
    throw new SigilloError(
      'TOKEN_NOT_FOUND',
      t({
        it: 'Nessuna carta o token trovato. Inserire la CNS nel lettore (o collegare il token USB) e riprovare.',
        en: 'No card or token found. Insert the CNS in the reader (or plug in the USB token) and retry.',
      }),
    );
  }
  const labels = tokens.map((tk) => tk.label);
  if (label === undefined || label === '') {
    if (tokens.length === 1 && tokens[0]) return tokens[0];
    throw new SigilloError(
      'TOKEN_AMBIGUOUS',
      t(
        {
          it: 'Ci sono {n} dispositivi: sceglierne uno. Etichette: {labels}',
          en: 'There are {n} devices: choose one. Labels: {labels}',
        },
        { n: tokens.length, labels: list(labels) },
      ),
      { labels },
    );
  }
  let matches = tokens.filter((tk) => tk.label === label || tk.serialNumber === label);
  if (matches.length === 0) matches = tokens.filter((tk) => tk.label.toLowerCase() === label.toLowerCase());
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new SigilloError(
      'TOKEN_AMBIGUOUS',
      t(
        {
          it: 'Più dispositivi hanno l’etichetta "{label}": indicarne il numero di serie. Numeri di serie: {serials}',
          en: 'Several devices are labelled "{label}": give its serial number. Serial numbers: {serials}',
        },
        { label, serials: list(matches.map((m) => m.serialNumber)) },
      ),
      { labels },
    );
  }
  throw new SigilloError(
    'TOKEN_NOT_FOUND',
    t(
      {
        it: 'Nessun dispositivo con etichetta "{label}". Dispositivi presenti: {labels}',
        en: 'No device labelled "{label}". Devices present: {labels}',
      },
      { label, labels: list(labels) },
    ),
    { labels },
  );
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
    throw new SigilloError(
      'CERT_NOT_FOUND',
      t(
        {
          it: 'Nessun certificato con chiave privata ha ID {id} sul dispositivo "{token}". Certificati: {ids}',
          en: 'No certificate with a private key has ID {id} on device "{token}". Certificates: {ids}',
        },
        { id: want, token: token.label, ids: ids.join('; ') || '-' },
      ),
      { ids: token.certificates.map((c) => c.id) },
    );
  }
  const signature = token.certificates.filter((c) => c.role === 'signature');
  if (signature.length === 1 && signature[0]) return signature[0];
  if (signature.length === 0) {
    throw new SigilloError(
      'NO_SIGNATURE_CERT',
      t(
        {
          it: 'Il dispositivo "{token}" non ha un certificato di firma (nonRepudiation). Per usare un altro certificato sceglierlo esplicitamente. Certificati: {ids}',
          en: 'Device "{token}" has no signature (nonRepudiation) certificate. To use another certificate choose it explicitly. Certificates: {ids}',
        },
        { token: token.label, ids: ids.join('; ') || '-' },
      ),
      { ids: token.certificates.map((c) => c.id) },
    );
  }
  throw new SigilloError(
    'CERT_AMBIGUOUS',
    t(
      {
        it: 'Il dispositivo "{token}" ha più certificati di firma: sceglierne uno. Certificati: {ids}',
        en: 'Device "{token}" has several signature certificates: choose one. Certificates: {ids}',
      },
      { token: token.label, ids: ids.join('; ') },
    ),
    { ids: signature.map((c) => c.id) },
  );
}
