/**
 * Public keys Sigillo refuses before any signature math (issue 19: a 16384-bit RSA key costs seconds; unknown
 * curves): kept apart from certificates.ts so that code which must not load pkijs (signing) can use it.
 */
import type { X509Certificate } from 'node:crypto';

/** RSA moduli above this are refused before any signature math (issue 19: 16384-bit keys cost seconds). */
export const MAX_RSA_BITS = 8192;
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

function refusalOf(p: { x509: X509Certificate }): string | undefined {
  try {
    const key = p.x509.publicKey;
    const type = key.asymmetricKeyType;
    const d = key.asymmetricKeyDetails ?? {};
    if (type === 'rsa' || type === 'rsa-pss') {
      const bits = d.modulusLength ?? 0;
      return bits > MAX_RSA_BITS ? `RSA ${bits} bit > ${MAX_RSA_BITS}` : undefined;
    }
    if (type === 'ec')
      return d.namedCurve && CURVES.has(d.namedCurve) ? undefined : `EC ${d.namedCurve ?? '?'}`;
    if (type === 'ed25519' || type === 'ed448') return undefined;
    return String(type);
  } catch {
    return 'unreadable key';
  }
}
