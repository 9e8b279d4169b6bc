/**
 * The algorithms a certification path relies on (DSS applies its cryptographic constraints to the signing
 * certificate and to every CA certificate, `<SigningCertificate><Cryptographic/>` and
 * `<CACertificate><Cryptographic/>`): each certificate's signature digest and its issuer's key
 * (x509/signature-crypto.ts: a digest Sigillo cannot name, MD5 included, is a refused use). The last
 * certificate (the trust anchor, when found) is not judged for its own signature: DSS does not judge trusted
 * certificates, and an unanchored path fails before this matters.
 */
import type { ParsedCert } from '../x509/certificates';
import type { CryptoUse } from '../x509/crypto-policy';
import { signatureUses } from '../x509/signature-crypto';

export function chainCryptoUses(certs: ParsedCert[]): (CryptoUse | undefined)[] {
  const uses: (CryptoUse | undefined)[] = [];
  certs.forEach((c, i) => {
    const issuer = certs[i + 1];
    if (issuer) uses.push(...signatureUses(c.cert.signatureAlgorithm, issuer.x509.publicKey));
  });
  return uses;
}
