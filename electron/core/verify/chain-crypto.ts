/**
 * The algorithms a certification path relies on (DSS applies its cryptographic constraints to the signing
 * certificate and to every CA certificate, `<SigningCertificate><Cryptographic/>` and
 * `<CACertificate><Cryptographic/>`): each certificate's signature digest and its issuer's key. The last
 * certificate (the trust anchor, when found) is not judged for its own signature: DSS does not judge trusted
 * certificates, and an unanchored path fails before this matters.
 */
import type { ParsedCert } from '../x509/certificates';
import { digestUse, keyUse, type CryptoUse } from './crypto-policy';
import { blobAlgorithm } from '../cms/signed-blob';

/** the issuer's key as node reads it (the path was verified with it, so it is readable); curve bits from its name */
function issuerKeyUse(p: ParsedCert): CryptoUse | undefined {
  try {
    const key = p.x509.publicKey;
    const d = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss')
      return keyUse('rsa', d.modulusLength ?? 0);
    if (key.asymmetricKeyType === 'ec')
      return keyUse('ec', Number(/\d{3}/.exec(d.namedCurve ?? '')?.[0] ?? 0));
    return undefined;
  } catch {
    return undefined;
  }
}

export function chainCryptoUses(certs: ParsedCert[]): (CryptoUse | undefined)[] {
  const uses: (CryptoUse | undefined)[] = [];
  certs.forEach((c, i) => {
    const issuer = certs[i + 1];
    if (!issuer) return;
    const { algo, hash } = blobAlgorithm(c.cert.signatureAlgorithm);
    if (hash && algo?.scheme !== 'ed25519' && algo?.scheme !== 'ed448') uses.push(digestUse(hash));
    uses.push(issuerKeyUse(issuer));
  });
  return uses;
}
