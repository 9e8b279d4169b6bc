/**
 * The algorithms one X.509-style signature relies on — a certificate's, a CRL's, an OCSP response's — judged by
 * the one crypto policy (crypto-policy.ts): the digest its AlgorithmIdentifier names and the signer's key. A
 * digest Sigillo cannot name (md5WithRSAEncryption, MD2, an RSA-PSS hash it does not know, an unknown
 * algorithm) is a refused use, never a skipped one: node's X509Certificate.verify accepts MD5, so an unnamed
 * digest judged as "nothing" would pass a certificate DSS refuses (its policy expired MD5 in 2005).
 */
import type { KeyObject } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { signatureLabel } from '../cms/algorithm-oids';
import { blobAlgorithm } from '../cms/signed-blob';
import { assessCrypto, digestUse, keyUse, type CryptoUse } from './crypto-policy';

/** names for the refused legacy signature algorithms a label can show (else the OID is shown) */
const LEGACY: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'MD2',
  '1.2.840.113549.1.1.3': 'MD4',
  '1.2.840.113549.1.1.4': 'MD5',
  '1.3.14.3.2.3': 'MD5', // OIW md5WithRSA
};

/** the key's use, its size as node reads it (curve bits from the curve's name); undefined for Ed25519/Ed448 */
export function signerKeyUse(key: KeyObject): CryptoUse | undefined {
  try {
    const d = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss')
      return keyUse('rsa', d.modulusLength ?? 0);
    if (key.asymmetricKeyType === 'ec')
      return keyUse('ec', Number(/\d{3}/.exec(d.namedCurve ?? '')?.[0] ?? 0));
    if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448') return undefined;
    return { label: String(key.asymmetricKeyType), refused: true };
  } catch {
    return { label: 'unreadable key', refused: true };
  }
}

/** the digest use of a signature AlgorithmIdentifier: none for Ed25519/Ed448, refused when it names no known hash */
export function signatureDigestUse(alg: pkijs.AlgorithmIdentifier): CryptoUse | undefined {
  const { algo, hash } = blobAlgorithm(alg);
  if (algo?.scheme === 'ed25519' || algo?.scheme === 'ed448') return undefined;
  if (hash) return digestUse(hash);
  const oid = alg.algorithmId;
  const label = LEGACY[oid] ?? (algo ? `${signatureLabel(algo.scheme, undefined, oid)} (unknown hash)` : oid);
  return { label, refused: true };
}

export function signatureUses(
  alg: pkijs.AlgorithmIdentifier,
  signerKey: KeyObject,
): (CryptoUse | undefined)[] {
  return [signatureDigestUse(alg), signerKeyUse(signerKey)];
}

/**
 * Revocation data (a CRL, an OCSP response, a delegated responder's certificate) is evidence only when its
 * signature's algorithms are acceptable at `now` (DSS applies its crypto constraints to revocation data): none
 * refused, none expired at the policy's FAIL level. A fetched answer has no proof of existence older than now.
 */
export function acceptableAt(uses: (CryptoUse | undefined)[], now: Date): boolean {
  const c = assessCrypto(uses, now);
  return !c.refused && c.expiry === undefined;
}
