/** Small DER pieces the token signer needs: ECDSA r||s → ECDSA-Sig-Value, and PKCS#1 DigestInfo. */
import type { DigestName } from '../crypto/key-signer';
import { OID_BY_HASH } from '../cms/algorithm-oids';
import { integer, NULL_VALUE, octetString, oid, sequence } from '../cms/der';

/** An unsigned big-endian integer (leading zeros allowed) as a DER INTEGER. */
function unsignedInteger(bytes: Uint8Array): Uint8Array {
  return integer(BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0')));
}

/** PKCS#11 CKM_ECDSA returns r || s (each half the length); CMS wants SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new Error(`bad ECDSA signature length ${raw.length}`);
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

/** DER DigestInfo { AlgorithmIdentifier (with NULL), OCTET STRING hash }, what CKM_RSA_PKCS signs. */
export function digestInfo(digest: DigestName, hash: Uint8Array): Uint8Array {
  return sequence(sequence(oid(OID_BY_HASH[digest]), NULL_VALUE), octetString(hash));
}
