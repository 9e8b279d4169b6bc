/** Key type, size and curve of a certificate's public key. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CURVES, OID } from './oids';

export interface KeyFacts {
  keyType: 'rsa' | 'ec' | 'other';
  keySize: number;
  curve?: string;
}

function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] ?? 0));
}

export function keyFacts(spki: pkijs.PublicKeyInfo): KeyFacts {
  const alg = spki.algorithm.algorithmId;
  if (alg === OID.rsaEncryption || alg === OID.rsaPss) {
    const key = spki.parsedKey;
    const size = key instanceof pkijs.RSAPublicKey ? bitLength(key.modulus.valueBlock.valueHexView) : 0;
    return { keyType: 'rsa', keySize: size };
  }
  if (alg === OID.ecPublicKey) {
    const params = spki.algorithm.algorithmParams as unknown;
    const oid = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : '';
    const known = CURVES[oid];
    if (known) return { keyType: 'ec', keySize: known.size, curve: known.name };
    // unknown curve: size from the uncompressed point 04 || X || Y
    const point = spki.subjectPublicKey.valueBlock.valueHexView;
    return { keyType: 'ec', keySize: Math.floor((point.length - 1) / 2) * 8, curve: oid || 'explicit' };
  }
  return { keyType: 'other', keySize: 0 };
}
