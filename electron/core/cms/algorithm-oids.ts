/**
 * The one table of the digest and signature algorithms found in CMS signatures (OID ↔ algorithm), their names,
 * and the key types each signature scheme needs. SHA-2, SHA-3, SHAKE256 (512-bit output, for Ed448, RFC 8419);
 * RSA PKCS#1 v1.5 and PSS, ECDSA (X9.62 DER and BSI TR-03111 plain r‖s), Ed25519, Ed448.
 */
import { createHash, type Hash } from 'node:crypto';
import { children, decodeOid, decodeSmallInteger, readElement, valueOf } from './der-parse';

export type HashName =
  | 'sha1'
  | 'sha224'
  | 'sha256'
  | 'sha384'
  | 'sha512'
  | 'sha3-224'
  | 'sha3-256'
  | 'sha3-384'
  | 'sha3-512'
  | 'shake256';

const OID_SHAKE256 = '2.16.840.1.101.3.4.2.12';
/** id-shake256-len (RFC 8702): parameters = output length in bits */
const OID_SHAKE256_LEN = '2.16.840.1.101.3.4.2.18';

export const OID_BY_HASH: Readonly<Record<HashName, string>> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  'sha3-224': '2.16.840.1.101.3.4.2.7',
  'sha3-256': '2.16.840.1.101.3.4.2.8',
  'sha3-384': '2.16.840.1.101.3.4.2.9',
  'sha3-512': '2.16.840.1.101.3.4.2.10',
  shake256: OID_SHAKE256,
};

/** digest algorithm OID → hash; id-shake256 means its 512-bit output here (the only use CMS makes of it) */
export const HASH_BY_OID: Readonly<Record<string, HashName>> = Object.fromEntries(
  Object.entries(OID_BY_HASH).map(([h, o]) => [o, h as HashName]),
);

/** A new node:crypto Hash for `h` (SHAKE256 with its 512-bit output). */
export function newHash(h: HashName): Hash {
  return h === 'shake256' ? createHash('shake256', { outputLength: 64 }) : createHash(h);
}

export function digestBytes(h: HashName, data: Uint8Array): Buffer {
  return newHash(h).update(data).digest();
}

export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
export const OID_RSA_PSS = '1.2.840.113549.1.1.10';
export const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const OID_MGF1 = '1.2.840.113549.1.1.8';

export type SignatureScheme = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'ecdsa-plain' | 'ed25519' | 'ed448';

interface SignatureAlgo {
  scheme: SignatureScheme;
  /** the hash named by the signature OID itself, when it names one */
  hash?: HashName;
}

const BSI_PLAIN = '0.4.0.127.0.7.1.1.4.1';

const SIGNATURE_BY_OID: Readonly<Record<string, SignatureAlgo>> = {
  [OID_RSA_ENCRYPTION]: { scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.5': { scheme: 'rsa-pkcs1', hash: 'sha1' },
  '1.3.14.3.2.29': { scheme: 'rsa-pkcs1', hash: 'sha1' }, // OIW sha1WithRSASignature (old producers)
  '1.2.840.113549.1.1.14': { scheme: 'rsa-pkcs1', hash: 'sha224' },
  '1.2.840.113549.1.1.11': { scheme: 'rsa-pkcs1', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { scheme: 'rsa-pkcs1', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { scheme: 'rsa-pkcs1', hash: 'sha512' },
  '2.16.840.1.101.3.4.3.13': { scheme: 'rsa-pkcs1', hash: 'sha3-224' },
  '2.16.840.1.101.3.4.3.14': { scheme: 'rsa-pkcs1', hash: 'sha3-256' },
  '2.16.840.1.101.3.4.3.15': { scheme: 'rsa-pkcs1', hash: 'sha3-384' },
  '2.16.840.1.101.3.4.3.16': { scheme: 'rsa-pkcs1', hash: 'sha3-512' },
  [OID_RSA_PSS]: { scheme: 'rsa-pss' },
  [OID_EC_PUBLIC_KEY]: { scheme: 'ecdsa' },
  '1.2.840.10045.4.1': { scheme: 'ecdsa', hash: 'sha1' },
  '1.2.840.10045.4.3.1': { scheme: 'ecdsa', hash: 'sha224' },
  '1.2.840.10045.4.3.2': { scheme: 'ecdsa', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { scheme: 'ecdsa', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { scheme: 'ecdsa', hash: 'sha512' },
  '2.16.840.1.101.3.4.3.9': { scheme: 'ecdsa', hash: 'sha3-224' },
  '2.16.840.1.101.3.4.3.10': { scheme: 'ecdsa', hash: 'sha3-256' },
  '2.16.840.1.101.3.4.3.11': { scheme: 'ecdsa', hash: 'sha3-384' },
  '2.16.840.1.101.3.4.3.12': { scheme: 'ecdsa', hash: 'sha3-512' },
  [`${BSI_PLAIN}.1`]: { scheme: 'ecdsa-plain', hash: 'sha1' },
  [`${BSI_PLAIN}.2`]: { scheme: 'ecdsa-plain', hash: 'sha224' },
  [`${BSI_PLAIN}.3`]: { scheme: 'ecdsa-plain', hash: 'sha256' },
  [`${BSI_PLAIN}.4`]: { scheme: 'ecdsa-plain', hash: 'sha384' },
  [`${BSI_PLAIN}.5`]: { scheme: 'ecdsa-plain', hash: 'sha512' },
  [`${BSI_PLAIN}.8`]: { scheme: 'ecdsa-plain', hash: 'sha3-224' },
  [`${BSI_PLAIN}.9`]: { scheme: 'ecdsa-plain', hash: 'sha3-256' },
  [`${BSI_PLAIN}.10`]: { scheme: 'ecdsa-plain', hash: 'sha3-384' },
  [`${BSI_PLAIN}.11`]: { scheme: 'ecdsa-plain', hash: 'sha3-512' },
  '1.3.101.112': { scheme: 'ed25519' },
  '1.3.101.113': { scheme: 'ed448' },
};

/** node:crypto asymmetricKeyType values a scheme can verify with */
export const KEY_TYPES: Readonly<Record<SignatureScheme, readonly string[]>> = {
  'rsa-pkcs1': ['rsa'],
  'rsa-pss': ['rsa', 'rsa-pss'],
  ecdsa: ['ec'],
  'ecdsa-plain': ['ec'],
  ed25519: ['ed25519'],
  ed448: ['ed448'],
};

/**
 * The hash of a digest AlgorithmIdentifier. id-shake256-len counts only with a 512-bit length. A
 * signature-algorithm OID found where a digest algorithm belongs (sha1WithRSAEncryption as digestAlgorithm)
 * names its hash, as BouncyCastle and DSS read it.
 */
export function digestAlgorithmHash(oid: string, params?: Uint8Array): HashName | undefined {
  if (oid === OID_SHAKE256_LEN) {
    try {
      const e = params ? readElement(params, 0) : undefined;
      return e?.tag === 0x02 && decodeSmallInteger(valueOf(params!, e)) === 512 ? 'shake256' : undefined;
    } catch {
      return undefined;
    }
  }
  return HASH_BY_OID[oid] ?? SIGNATURE_BY_OID[oid]?.hash;
}

/** the AlgorithmIdentifier inside an [n] field of RSASSA-PSS-params: its OID and parameters element */
function algorithmIn(params: Uint8Array, field: { valueStart: number }) {
  const seq = readElement(params, field.valueStart);
  if (seq.tag !== 0x30) return undefined;
  const [oid, p] = children(params, seq);
  if (oid?.tag !== 0x06) return undefined;
  return { oid: decodeOid(valueOf(params, oid)), params: p ? params.subarray(p.start, p.end) : undefined };
}

export interface PssParams {
  hash: HashName;
  mgfHash: HashName;
}

/**
 * RSASSA-PSS-params (RFC 4055): hashAlgorithm [0] DEFAULT sha1, maskGenAlgorithm [1] DEFAULT mgf1SHA1;
 * undefined if unreadable or the mask generation is not MGF1 over a known hash.
 */
export function pssParams(params: Uint8Array | undefined): PssParams | undefined {
  if (!params) return undefined;
  try {
    const top = readElement(params, 0);
    if (top.tag !== 0x30) return undefined;
    const fields = children(params, top);
    const hashField = fields.find((e) => e.tag === 0xa0);
    const mgfField = fields.find((e) => e.tag === 0xa1);
    const hashAlg = hashField ? algorithmIn(params, hashField) : { oid: OID_BY_HASH.sha1 };
    const hash = hashAlg ? HASH_BY_OID[hashAlg.oid] : undefined;
    let mgfHash: HashName | undefined = 'sha1';
    if (mgfField) {
      const mgf = algorithmIn(params, mgfField);
      const inner =
        mgf?.oid === OID_MGF1 && mgf.params ? algorithmIn(mgf.params, { valueStart: 0 }) : undefined;
      mgfHash = inner ? HASH_BY_OID[inner.oid] : undefined;
    }
    return hash && mgfHash ? { hash, mgfHash } : undefined;
  } catch {
    return undefined;
  }
}

export function signatureAlgo(oid: string): SignatureAlgo | undefined {
  return SIGNATURE_BY_OID[oid];
}

/** The signature algorithm OID that names `scheme` with `hash` (the first, standard one of the table). */
export function signatureOid(scheme: SignatureScheme, hash: HashName): string {
  const found = Object.entries(SIGNATURE_BY_OID).find(([, a]) => a.scheme === scheme && a.hash === hash);
  if (!found) throw new RangeError(`no ${scheme} signature OID with ${hash}`);
  return found[0];
}

const HASH_LABEL: Readonly<Record<HashName, string>> = {
  sha1: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
  'sha3-224': 'SHA3-224',
  'sha3-256': 'SHA3-256',
  'sha3-384': 'SHA3-384',
  'sha3-512': 'SHA3-512',
  shake256: 'SHAKE256',
};

export function hashLabel(h: HashName | undefined, oid?: string): string {
  return h ? HASH_LABEL[h] : (oid ?? 'unknown');
}

const SCHEME_LABEL: Readonly<Record<SignatureScheme, string>> = {
  'rsa-pkcs1': 'RSA',
  'rsa-pss': 'RSA-PSS',
  ecdsa: 'ECDSA',
  'ecdsa-plain': 'ECDSA (plain)',
  ed25519: 'Ed25519',
  ed448: 'Ed448',
};

export function signatureLabel(
  scheme: SignatureScheme | undefined,
  hash: HashName | undefined,
  oid: string,
): string {
  if (!scheme) return oid;
  const base = SCHEME_LABEL[scheme];
  return hash && scheme !== 'ed25519' && scheme !== 'ed448' ? `${base} ${HASH_LABEL[hash]}` : base;
}
