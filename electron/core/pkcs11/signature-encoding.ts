/** Small DER pieces the token signer needs: ECDSA r||s → ECDSA-Sig-Value, and PKCS#1 DigestInfo. */
import type { DigestName } from '../crypto/key-signer';

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function derInteger(unsigned: Uint8Array): Buffer {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  let body = Buffer.from(unsigned.subarray(i));
  if (body.length === 0) body = Buffer.from([0]);
  if ((body[0] ?? 0) & 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return Buffer.concat([Buffer.from([0x02]), derLength(body.length), body]);
}

/** PKCS#11 CKM_ECDSA returns r || s (each half the length); CMS wants SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new Error(`bad ECDSA signature length ${raw.length}`);
  const half = raw.length / 2;
  const body = Buffer.concat([derInteger(raw.subarray(0, half)), derInteger(raw.subarray(half))]);
  return new Uint8Array(Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]));
}

const DIGEST_INFO_PREFIX: Record<DigestName, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

/** DER DigestInfo { AlgorithmIdentifier (with NULL), OCTET STRING hash }, what CKM_RSA_PKCS signs. */
export function digestInfo(digest: DigestName, hash: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from(DIGEST_INFO_PREFIX[digest], 'hex'), hash]));
}
