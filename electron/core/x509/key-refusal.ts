/**
 * Public keys Sigillo refuses before any signature math (issue 19: a 16384-bit RSA key costs seconds; unknown
 * curves): kept apart from certificates.ts so that code which must not load pkijs (signing) can use it.
 */
import type { X509Certificate } from 'node:crypto';
import { children, readElement } from '../cms/der-parse';

/** RSA moduli above this are refused before any signature math (issue 19: 16384-bit keys cost seconds). */
export const MAX_RSA_BITS = 8192;
/**
 * RSA public exponents above 2^64 are refused (OpenSSL's bound for large moduli): a 3070-bit exponent makes each
 * check ~300× dearer, and a file can ask for hundreds of checks (a 66 KB .p7m took 48 s). Real keys use 65537.
 */
const MAX_RSA_EXPONENT = 2n ** 64n;
const CURVES = new Set([
  'prime256v1',
  'secp384r1',
  'secp521r1',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'brainpoolP512r1',
]);

/** Why this certificate's public key is refused (plain words), undefined when it is acceptable. */
export function keyRefusal(p: { x509: X509Certificate }): string | undefined {
  if (!refusalMemo.has(p)) refusalMemo.set(p, refusalOf(p));
  return refusalMemo.get(p);
}

const refusalMemo = new WeakMap<object, string | undefined>();

/** the certificate's subjectPublicKeyInfo algorithm parameters are an OID (a named curve) */
function namedCurveParameters(x509: X509Certificate): boolean {
  try {
    const der = new Uint8Array(x509.raw);
    const tbs = children(der, children(der, readElement(der, 0))[0]!);
    // version [0], serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
    const spki = tbs[(tbs[0]?.tag === 0xa0 ? 1 : 0) + 5]!;
    const algorithm = children(der, children(der, spki)[0]!);
    return algorithm[1]?.tag === 0x06;
  } catch {
    return false;
  }
}

function refusalOf(p: { x509: X509Certificate }): string | undefined {
  try {
    const key = p.x509.publicKey;
    const type = key.asymmetricKeyType;
    const d = key.asymmetricKeyDetails ?? {};
    if (type === 'rsa' || type === 'rsa-pss') {
      const bits = d.modulusLength ?? 0;
      if (bits > MAX_RSA_BITS) return `RSA ${bits} bit > ${MAX_RSA_BITS}`;
      const e = d.publicExponent ?? 0n;
      return e > MAX_RSA_EXPONENT ? `RSA exponent of ${e.toString(2).length} bit > 64` : undefined;
    }
    if (type === 'ec') {
      // RFC 5480 §2.1.1: ECParameters MUST be a namedCurve OID; specifiedCurve (explicit parameters, which
      // node may still match to a known curve) MUST NOT be used
      if (!namedCurveParameters(p.x509)) return 'EC explicit parameters';
      return d.namedCurve && CURVES.has(d.namedCurve) ? undefined : `EC ${d.namedCurve ?? '?'}`;
    }
    if (type === 'ed25519' || type === 'ed448') return undefined;
    return String(type);
  } catch {
    return 'unreadable key';
  }
}
