/** OIDs of the digest and signature algorithms found in CMS signatures, and their names. */
import { children, decodeOid, readElement, valueOf } from '../cms/der-parse';

export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export const HASH_BY_OID: Readonly<Record<string, HashName>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export const OID_BY_HASH: Readonly<Record<HashName, string>> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
export const OID_RSA_PSS = '1.2.840.113549.1.1.10';
export const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';

export type SignatureScheme = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa';

interface SignatureAlgo {
  scheme: SignatureScheme;
  /** the hash named by the signature OID itself, when it names one */
  hash?: HashName;
}

const SIGNATURE_BY_OID: Readonly<Record<string, SignatureAlgo>> = {
  [OID_RSA_ENCRYPTION]: { scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.5': { scheme: 'rsa-pkcs1', hash: 'sha1' },
  '1.2.840.113549.1.1.14': { scheme: 'rsa-pkcs1', hash: 'sha224' },
  '1.2.840.113549.1.1.11': { scheme: 'rsa-pkcs1', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { scheme: 'rsa-pkcs1', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { scheme: 'rsa-pkcs1', hash: 'sha512' },
  [OID_RSA_PSS]: { scheme: 'rsa-pss' },
  [OID_EC_PUBLIC_KEY]: { scheme: 'ecdsa' },
  '1.2.840.10045.4.1': { scheme: 'ecdsa', hash: 'sha1' },
  '1.2.840.10045.4.3.1': { scheme: 'ecdsa', hash: 'sha224' },
  '1.2.840.10045.4.3.2': { scheme: 'ecdsa', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { scheme: 'ecdsa', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { scheme: 'ecdsa', hash: 'sha512' },
};

/** RSASSA-PSS-params (RFC 4055): hashAlgorithm [0] AlgorithmIdentifier DEFAULT sha1; undefined if unreadable. */
export function pssHash(params: Uint8Array | undefined): HashName | undefined {
  if (!params) return undefined;
  try {
    const top = readElement(params, 0);
    if (top.tag !== 0x30) return undefined;
    const hashField = children(params, top).find((e) => e.tag === 0xa0);
    if (!hashField) return 'sha1';
    const [algSeq] = children(params, hashField);
    const [oid] = algSeq?.tag === 0x30 ? children(params, algSeq) : [];
    return oid?.tag === 0x06 ? HASH_BY_OID[decodeOid(valueOf(params, oid))] : undefined;
  } catch {
    return undefined;
  }
}

export function signatureAlgo(oid: string): SignatureAlgo | undefined {
  return SIGNATURE_BY_OID[oid];
}

const HASH_LABEL: Readonly<Record<HashName, string>> = {
  sha1: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

export function hashLabel(h: HashName | undefined, oid?: string): string {
  return h ? HASH_LABEL[h] : (oid ?? 'unknown');
}

export function signatureLabel(
  scheme: SignatureScheme | undefined,
  hash: HashName | undefined,
  oid: string,
): string {
  if (!scheme) return oid;
  const base = scheme === 'rsa-pkcs1' ? 'RSA' : scheme === 'rsa-pss' ? 'RSA-PSS' : 'ECDSA';
  return hash ? `${base} ${HASH_LABEL[hash]}` : base;
}
