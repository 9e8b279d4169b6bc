/**
 * RFC 3161 §2.4.1 TimeStampReq: version 1, messageImprint (hash algorithm + digest), a random 64-bit nonce,
 * certReq TRUE (the TSA certificate comes back in the token, so it can be checked).
 */
import { randomBytes } from 'node:crypto';
import type { DigestName } from '../crypto/key-signer';
import { digestAlgorithmId } from '../cms/algorithms';
import { integer, octetString, sequence } from '../cms/der';

export const BOOLEAN_TRUE = Uint8Array.of(0x01, 0x01, 0xff);

export interface TimestampRequest {
  der: Uint8Array;
  nonce: bigint;
}

export function messageImprint(digest: DigestName, hash: Uint8Array): Uint8Array {
  return sequence(digestAlgorithmId(digest), octetString(hash));
}

export function buildTimestampRequest(digest: DigestName, hash: Uint8Array): TimestampRequest {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // positive, and never zero-length
  const nonce = BigInt('0x' + bytes.toString('hex')) || 1n;
  const der = sequence(integer(1), messageImprint(digest, hash), integer(nonce), BOOLEAN_TRUE);
  return { der, nonce };
}
