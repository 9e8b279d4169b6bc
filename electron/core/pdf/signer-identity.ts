/** The signer as a PDF signature names it (/Name, the visible text): from the certificate's subject. */
import { parseCertificate } from '../x509/cert-info';

/** The signer's "NOME COGNOME" and fiscal code from the certificate. */
export function signerIdentity(certificate: Uint8Array): { name: string; fiscalCode?: string } {
  const s = parseCertificate(certificate).subject;
  const name = s.givenName && s.surname ? `${s.givenName} ${s.surname}` : (s.commonName ?? s.dn);
  return { name, fiscalCode: s.fiscalCode };
}
