/**
 * Verifies a CMS signature value with node's crypto. The key must be of the type the scheme needs. RSA PKCS#1
 * v1.5 recovers the DigestInfo with publicDecrypt and compares the digest, so a DigestInfo with or without the
 * NULL parameter is accepted (as BouncyCastle/DSS do), but its hash must be the expected one; RSA-PSS is checked
 * by EMSA-PSS-VERIFY over the recovered block, so it works from a digest alone; ECDSA from a bare digest goes
 * through ecdsa-digest.ts; plain (r‖s) ECDSA is turned into DER first; Ed25519/Ed448 sign the data itself.
 */
import { constants, publicDecrypt, verify, type KeyObject } from 'node:crypto';
import {
  HASH_BY_OID,
  KEY_TYPES,
  digestBytes,
  newHash,
  type HashName,
  type SignatureScheme,
} from './algorithm-oids';
import { equalBytes } from './bytes';
import { children, decodeOid, readElement, valueOf } from './der-parse';
import { verifyEcdsaDigest } from './ecdsa-digest';

export interface SignatureValueInput {
  publicKey: KeyObject;
  scheme: SignatureScheme;
  hash: HashName;
  /** RSA-PSS: the MGF1 hash (default: `hash`) */
  mgfHash?: HashName;
  signature: Uint8Array;
  /** the bytes that were signed (DER signed attributes); when absent, `digest` is used */
  data?: Uint8Array;
  /** hash of the signed bytes (signature without signed attributes over streamed content) */
  digest?: (h: HashName) => Uint8Array | undefined;
}

/** true / false, or undefined when it cannot be decided (unknown curve, missing digest). */
export function verifySignatureValue(i: SignatureValueInput): boolean | undefined {
  const digestOf = (h: HashName): Uint8Array | undefined => (i.data ? digestBytes(h, i.data) : i.digest?.(h));
  if (!KEY_TYPES[i.scheme].includes(i.publicKey.asymmetricKeyType ?? '')) return false;
  try {
    if (i.scheme === 'rsa-pkcs1') {
      if (i.data && pkcs1Verified(i.publicKey, i.signature, i.hash, i.data)) return true;
      return verifyPkcs1(i.publicKey, i.signature, i.hash, digestOf);
    }
    if (i.scheme === 'rsa-pss') {
      const d = digestOf(i.hash);
      return d ? verifyPss(i.publicKey, i.signature, i.hash, i.mgfHash ?? i.hash, d) : undefined;
    }
    if (i.scheme === 'ed25519' || i.scheme === 'ed448') {
      return i.data ? verify(null, i.data, i.publicKey, i.signature) : undefined;
    }
    const signature = i.scheme === 'ecdsa-plain' ? plainToDer(i.signature) : i.signature;
    if (!signature) return false;
    if (!i.data) {
      const d = i.digest?.(i.hash);
      return d ? verifyEcdsaDigest(i.publicKey, d, signature) : undefined;
    }
    if (i.hash === 'shake256') return false;
    return verify(i.hash, i.data, { key: i.publicKey, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/** BSI TR-03111 plain signature r‖s (two halves of equal length) → DER Ecdsa-Sig-Value */
export function plainToDer(sig: Uint8Array): Uint8Array | undefined {
  if (sig.length === 0 || sig.length % 2 !== 0 || sig.length > 256) return undefined;
  const int = (b: Uint8Array): Buffer => {
    let v = Buffer.from(b);
    while (v.length > 1 && v[0] === 0 && (v[1] ?? 0) < 0x80) v = v.subarray(1);
    if ((v[0] ?? 0) >= 0x80) v = Buffer.concat([Buffer.of(0), v]);
    return Buffer.concat([Buffer.of(0x02, v.length), v]);
  };
  const half = sig.length / 2;
  const body = Buffer.concat([int(sig.subarray(0, half)), int(sig.subarray(half))]);
  const len = body.length < 0x80 ? Buffer.of(body.length) : Buffer.of(0x81, body.length);
  return Buffer.concat([Buffer.of(0x30), len, body]);
}

/** the hashes whose DigestInfo OpenSSL encodes with the OID HASH_BY_OID reads back as the same hash */
const ONE_SHOT_HASHES: ReadonlySet<HashName> = new Set<HashName>([
  'sha1',
  'sha224',
  'sha256',
  'sha384',
  'sha512',
  'sha3-224',
  'sha3-256',
  'sha3-384',
  'sha3-512',
]);

/**
 * OpenSSL's one-shot PKCS#1 v1.5 verification of `data` (it hashes `data` itself): cheaper in a batch than
 * publicDecrypt + digest + DigestInfo parse. It accepts only a signature of the modulus length whose block is
 * exactly the DER DigestInfo of `hash` (NULL parameters) over the data's digest, which `verifyPkcs1` accepts too;
 * so its `true` is final and anything else goes to `verifyPkcs1`, which decides (and accepts what OpenSSL
 * refuses on purpose, e.g. a DigestInfo without the NULL).
 */
function pkcs1Verified(key: KeyObject, signature: Uint8Array, hash: HashName, data: Uint8Array): boolean {
  if (!ONE_SHOT_HASHES.has(hash)) return false;
  try {
    return verify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
}

function verifyPkcs1(
  key: KeyObject,
  signature: Uint8Array,
  hash: HashName,
  digestOf: (h: HashName) => Uint8Array | undefined,
): boolean | undefined {
  let block: Buffer;
  try {
    block = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
  const digestInfo = parseDigestInfo(block);
  if (!digestInfo || digestInfo.hash !== hash) return false;
  const expected = digestOf(digestInfo.hash);
  if (!expected) return undefined;
  return equalBytes(expected, digestInfo.digest);
}

/**
 * DigestInfo ::= SEQUENCE { AlgorithmIdentifier (parameters NULL or absent), OCTET STRING }, read with the
 * light DER walker, strictly: nothing before, after or inside it beyond those fields (no room for the
 * garbage that low-exponent signature forgeries hide there).
 */
function parseDigestInfo(block: Uint8Array): { hash: HashName; digest: Uint8Array } | undefined {
  try {
    const seq = readElement(block, 0);
    if (seq.tag !== 0x30 || seq.indefinite || seq.end !== block.length) return undefined;
    const fields = children(block, seq);
    const [algId, octets] = fields;
    if (fields.length !== 2 || algId?.tag !== 0x30 || algId.indefinite || octets?.tag !== 0x04)
      return undefined;
    const [oid, params, ...more] = children(block, algId);
    if (oid?.tag !== 0x06 || more.length > 0) return undefined;
    if (params && (params.tag !== 0x05 || params.valueEnd !== params.valueStart)) return undefined;
    const hash = HASH_BY_OID[decodeOid(valueOf(block, oid))];
    if (!hash) return undefined;
    return { hash, digest: valueOf(block, octets) };
  } catch {
    return undefined;
  }
}

function mgf1(hash: HashName, seed: Uint8Array, length: number): Buffer {
  const out: Buffer[] = [];
  let total = 0;
  for (let counter = 0; total < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    const block = newHash(hash).update(seed).update(c).digest();
    out.push(block);
    total += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

/** RFC 8017 EMSA-PSS-VERIFY with MGF1 over `mgfHash`, any salt length. */
function verifyPss(
  key: KeyObject,
  signature: Uint8Array,
  hash: HashName,
  mgfHash: HashName,
  mHash: Uint8Array,
): boolean {
  const modBits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  let em: Buffer = publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, signature);
  if (em.length > emLen) {
    if (em[0] !== 0) return false;
    em = em.subarray(em.length - emLen);
  }
  const hLen = mHash.length;
  if (emLen < hLen + 2 || em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const zeroBits = 8 * emLen - emBits;
  if ((maskedDb[0] ?? 0) >> (8 - zeroBits) !== 0 && zeroBits > 0) return false;
  const db = Buffer.from(mgf1(mgfHash, h, maskedDb.length).map((b, i) => b ^ (maskedDb[i] ?? 0)));
  db[0] = (db[0] ?? 0) & (0xff >> zeroBits);
  const one = db.indexOf(1);
  if (one < 0 || db.subarray(0, one).some((b) => b !== 0)) return false;
  const salt = db.subarray(one + 1);
  const hPrime = newHash(hash).update(Buffer.alloc(8)).update(mHash).update(salt).digest();
  return hPrime.equals(h);
}
