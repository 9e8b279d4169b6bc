/**
 * The algorithms a certification path relies on (DSS applies its cryptographic constraints to the signing
 * certificate and to every CA certificate, `<SigningCertificate><Cryptographic/>` and
 * `<CACertificate><Cryptographic/>`): each certificate's signature digest and its issuer's key. The last
 * certificate (the trust anchor, when found) is not judged for its own signature: DSS does not judge trusted
 * certificates, and an unanchored path fails before this matters.
 */
import type { CertInfo } from '../x509/cert-info-types';
import type { ParsedCert } from './certificates';
import { digestUse, keyUse, type CryptoUse } from './crypto-policy';
import { blobAlgorithm } from './signed-blob';

export function chainCryptoUses(
  certs: ParsedCert[],
  info: (p: ParsedCert) => CertInfo,
): (CryptoUse | undefined)[] {
  const uses: (CryptoUse | undefined)[] = [];
  certs.forEach((c, i) => {
    const issuer = certs[i + 1];
    if (!issuer) return;
    const { algo, hash } = blobAlgorithm(c.cert.signatureAlgorithm);
    if (hash && algo?.scheme !== 'ed25519' && algo?.scheme !== 'ed448') uses.push(digestUse(hash));
    const key = info(issuer);
    uses.push(keyUse(key.keyType, key.keySize));
  });
  return uses;
}
