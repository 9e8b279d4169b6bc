/**
 * The XMLDSig algorithms trusted lists use (RFC 6931 URIs): RSA PKCS#1 v1.5, RSA-PSS and ECDSA with SHA-2, SHA-2
 * digests. SHA-1 and HMAC are not accepted for trusted lists. ECDSA signature values are r||s (XMLDSig 1.1).
 * Canonicalisation: xml-crypto's C14N 1.0 and exclusive C14N, plus C14N 1.1 (below).
 */
import {
  constants,
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyLike,
  type KeyObject,
} from 'node:crypto';
import { C14nCanonicalization, C14nCanonicalizationWithComments } from 'xml-crypto';
import type { HashAlgorithm, SignatureAlgorithm, SignedXml } from 'xml-crypto';

type Hash = 'sha256' | 'sha384' | 'sha512';
type Kind = 'rsa' | 'pss' | 'ecdsa';

const DIGESTS: Record<string, Hash> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

const MORE = 'http://www.w3.org/2001/04/xmldsig-more#';
const MGF1 = 'http://www.w3.org/2007/05/xmldsig-more#';
const SIGNATURES: Record<string, [Kind, Hash]> = {
  [`${MORE}rsa-sha256`]: ['rsa', 'sha256'],
  [`${MORE}rsa-sha384`]: ['rsa', 'sha384'],
  [`${MORE}rsa-sha512`]: ['rsa', 'sha512'],
  [`${MGF1}sha256-rsa-MGF1`]: ['pss', 'sha256'],
  [`${MGF1}sha384-rsa-MGF1`]: ['pss', 'sha384'],
  [`${MGF1}sha512-rsa-MGF1`]: ['pss', 'sha512'],
  [`${MORE}ecdsa-sha256`]: ['ecdsa', 'sha256'],
  [`${MORE}ecdsa-sha384`]: ['ecdsa', 'sha384'],
  [`${MORE}ecdsa-sha512`]: ['ecdsa', 'sha512'],
};

function digestClass(uri: string, hash: Hash): new () => HashAlgorithm {
  return class implements HashAlgorithm {
    getAlgorithmName = () => uri;
    getHash = (xml: string) => createHash(hash).update(xml, 'utf8').digest('base64');
  };
}

function keyOptions(kind: Kind, key: KeyObject) {
  if (kind === 'pss') {
    return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };
  }
  if (kind === 'ecdsa') return { key, dsaEncoding: 'ieee-p1363' as const };
  return { key };
}

function signatureClass(uri: string, kind: Kind, hash: Hash): new () => SignatureAlgorithm {
  return class {
    getAlgorithmName = () => uri;
    verifySignature = (material: string, key: KeyLike, value: string): boolean => {
      try {
        return verify(
          hash,
          Buffer.from(material, 'utf8'),
          keyOptions(kind, createPublicKey(key as string | Buffer)),
          Buffer.from(value, 'base64'),
        );
      } catch {
        return false;
      }
    };
    getSignature = (signedInfo: string | Uint8Array, key: KeyLike): string =>
      sign(
        hash,
        Buffer.from(signedInfo),
        keyOptions(kind, createPrivateKey(key as string | Buffer)),
      ).toString('base64');
  } as unknown as new () => SignatureAlgorithm;
}

/**
 * Canonical XML 1.1, which some member states sign with, differs from 1.0 only in how xml:id / xml:base of
 * ancestors outside a document subset are inherited; trusted lists carry neither on the root or the signature,
 * so the 1.0 implementation gives the same octets.
 */
const C14N11 = 'http://www.w3.org/2006/12/xml-c14n11';

/** Replaces the algorithm tables of `sig` with the trusted-list set. */
export function useTrustedListAlgorithms(sig: SignedXml): void {
  sig.CanonicalizationAlgorithms = {
    ...sig.CanonicalizationAlgorithms,
    [C14N11]: C14nCanonicalization,
    [`${C14N11}#WithComments`]: C14nCanonicalizationWithComments,
  };
  sig.HashAlgorithms = Object.fromEntries(
    Object.entries(DIGESTS).map(([uri, hash]) => [uri, digestClass(uri, hash)]),
  );
  sig.SignatureAlgorithms = Object.fromEntries(
    Object.entries(SIGNATURES).map(([uri, [kind, hash]]) => [uri, signatureClass(uri, kind, hash)]),
  );
}
