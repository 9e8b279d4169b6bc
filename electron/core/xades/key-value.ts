/**
 * ds:KeyValue of a plain XMLDSig signature without a certificate: RSAKeyValue (Modulus, Exponent) or the XMLDSig 1.1
 * ECKeyValue (NamedCurve + uncompressed PublicKey point). The key only proves integrity: with no certificate there
 * is no signer to trust, so the verdict stays INDETERMINATE (NO_SIGNING_CERTIFICATE_FOUND).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { NS } from '../xml/xml-names';
import { base64Of, childPath, firstChild } from '../xml/xml-safe';

const DSIG11 = 'http://www.w3.org/2009/xmldsig11#';

const CURVES: Readonly<Record<string, { crv: string; size: number }>> = {
  'urn:oid:1.2.840.10045.3.1.7': { crv: 'P-256', size: 32 },
  'urn:oid:1.3.132.0.34': { crv: 'P-384', size: 48 },
  'urn:oid:1.3.132.0.35': { crv: 'P-521', size: 66 },
};

const url = (b: Buffer): string => b.toString('base64url');

function rsaKey(rsa: Element): KeyObject {
  const n = base64Of(firstChild(rsa, NS.ds, 'Modulus'));
  const e = base64Of(firstChild(rsa, NS.ds, 'Exponent'));
  return createPublicKey({ key: { kty: 'RSA', n: url(n), e: url(e) }, format: 'jwk' });
}

function ecKey(ec: Element): KeyObject | undefined {
  const curve = CURVES[firstChild(ec, DSIG11, 'NamedCurve')?.getAttribute('URI') ?? ''];
  const point = base64Of(firstChild(ec, DSIG11, 'PublicKey'));
  if (!curve || point.length !== 1 + 2 * curve.size || point[0] !== 4) return undefined;
  const x = point.subarray(1, 1 + curve.size);
  const y = point.subarray(1 + curve.size);
  return createPublicKey({ key: { kty: 'EC', crv: curve.crv, x: url(x), y: url(y) }, format: 'jwk' });
}

/** The public key in KeyInfo/KeyValue, when there is a readable one. */
export function keyValueKey(signature: Element): KeyObject | undefined {
  const kv = childPath(signature, NS.ds, 'KeyInfo', 'KeyValue');
  try {
    const rsa = firstChild(kv, NS.ds, 'RSAKeyValue');
    if (rsa) return rsaKey(rsa);
    const ec = firstChild(kv, DSIG11, 'ECKeyValue');
    return ec ? ecKey(ec) : undefined;
  } catch {
    return undefined;
  }
}
