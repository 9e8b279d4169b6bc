/**
 * The SignatureValue check of one ds:Signature: SignedInfo canonicalised with its CanonicalizationMethod (in its
 * document context), verified with the SignatureMethod (RSA PKCS#1 v1.5, RSA-PSS, ECDSA r||s) and a public key.
 */
import { constants, verify, type KeyObject } from 'node:crypto';
import { KEY_TYPES, type HashName } from '../cms/algorithm-oids';
import { verifySignatureValue } from '../cms/signature-value';
import { canonicalize } from './c14n';
import { isWorkLimit } from './xml-limits';
import { C14N, NS, SIGNATURE_BY_URI, type C14nMethod, type XmlSignatureScheme } from './xml-names';
import { base64Of, firstChild } from './xml-safe';

export interface SignedInfoAlgorithms {
  signedInfo: Element | undefined;
  scheme: XmlSignatureScheme | undefined;
  hash: HashName | undefined;
  signatureUri: string;
  /** the canonical SignedInfo octets; undefined with an unsupported canonicalisation */
  octets: Buffer | undefined;
  value: Buffer;
}

/**
 * undefined when the SignedInfo cannot be canonicalised (then the signature is not valid, never an internal error);
 * a work limit refuses the file
 */
function canonicalOrUndefined(el: Element, m: C14nMethod, prefixes: string[]): Buffer | undefined {
  try {
    return canonicalize(el, m, prefixes);
  } catch (e) {
    if (isWorkLimit(e)) throw e;
    return undefined;
  }
}

export function readSignedInfo(signature: Element): SignedInfoAlgorithms {
  const signedInfo = firstChild(signature, NS.ds, 'SignedInfo');
  const method = firstChild(signedInfo, NS.ds, 'CanonicalizationMethod');
  const c14n = C14N[method?.getAttribute('Algorithm') ?? ''];
  const prefixes = (firstChild(method, '*', 'InclusiveNamespaces')?.getAttribute('PrefixList') ?? '')
    .split(' ')
    .filter((p) => p !== '');
  const signatureUri = firstChild(signedInfo, NS.ds, 'SignatureMethod')?.getAttribute('Algorithm') ?? '';
  const algo = SIGNATURE_BY_URI[signatureUri];
  return {
    signedInfo,
    scheme: algo?.[0],
    hash: algo?.[1],
    signatureUri,
    octets: signedInfo && c14n ? canonicalOrUndefined(signedInfo, c14n, prefixes) : undefined,
    value: base64Of(firstChild(signature, NS.ds, 'SignatureValue')),
  };
}

/** true / false; undefined when the algorithms are not supported. */
export function verifySignedInfo(s: SignedInfoAlgorithms, key: KeyObject): boolean | undefined {
  if (!s.octets || !s.scheme || !s.hash) return undefined;
  // the key must be of the type the SignatureMethod names (as DSS, and the CMS path): an RSA key never verifies
  // an "ecdsa-sha256" value, nor an RSA-PSS one with PKCS#1 v1.5 (node's verify would follow the key)
  const keyTypes = KEY_TYPES[s.scheme === 'rsa' ? 'rsa-pkcs1' : s.scheme];
  if (!keyTypes.includes(key.asymmetricKeyType ?? '')) return false;
  try {
    if (s.scheme === 'rsa') {
      return verifySignatureValue({
        publicKey: key,
        scheme: 'rsa-pkcs1',
        hash: s.hash,
        signature: s.value,
        data: s.octets,
      });
    }
    if (s.scheme === 'rsa-pss') {
      return verify(
        s.hash,
        s.octets,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        s.value,
      );
    }
    return verify(s.hash, s.octets, { key, dsaEncoding: 'ieee-p1363' }, s.value);
  } catch {
    return false;
  }
}
