/** Key type, size and curve of a certificate's public key. */
import { children, decodeOid, readElement, valueOf } from '../cms/der-parse';
import type { DerCertificate } from './der-certificate';
import { CURVES } from './oids';
import { OID_EC_PUBLIC_KEY, OID_RSA_ENCRYPTION, OID_RSA_PSS } from '../cms/algorithm-oids';

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

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }: the modulus bits, 0 if unreadable */
function rsaModulusBits(key: Uint8Array): number {
  try {
    const [modulus] = children(key, readElement(key, 0));
    return modulus?.tag === 0x02 ? bitLength(valueOf(key, modulus)) : 0;
  } catch {
    return 0;
  }
}

function curveOid(params: Uint8Array | undefined): string {
  if (!params) return '';
  try {
    const e = readElement(params, 0);
    return e.tag === 0x06 ? decodeOid(valueOf(params, e)) : '';
  } catch {
    return '';
  }
}

export function keyFacts(spki: DerCertificate['spki']): KeyFacts {
  const alg = spki.algorithm;
  if (alg === OID_RSA_ENCRYPTION || alg === OID_RSA_PSS)
    return { keyType: 'rsa', keySize: rsaModulusBits(spki.key) };
  if (alg === OID_EC_PUBLIC_KEY) {
    const oid = curveOid(spki.params);
    const known = CURVES[oid];
    if (known) return { keyType: 'ec', keySize: known.size, curve: known.name };
    // unknown curve: size from the uncompressed point 04 || X || Y
    return { keyType: 'ec', keySize: Math.floor((spki.key.length - 1) / 2) * 8, curve: oid || 'explicit' };
  }
  return { keyType: 'other', keySize: 0 };
}
