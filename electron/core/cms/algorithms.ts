/**
 * AlgorithmIdentifiers for the digests and signatures Sigillo writes, with their OIDs from the one table of
 * algorithm-oids.ts. Digest parameters are absent (RFC 5754); sha*WithRSAEncryption carries NULL (RFC 4055);
 * ecdsa-with-SHA* has no parameters (RFC 5758).
 */
import type { DigestName } from '../crypto/key-signer';
import { NULL_VALUE, oid, sequence } from './der';
import { HASH_BY_OID, OID_BY_HASH, signatureOid, type HashName } from './algorithm-oids';

/** The hash name (algorithm-oids.ts HashName) for a digest algorithm OID, or undefined when unknown. */
export function digestNameForOid(digestOid: string): HashName | undefined {
  return HASH_BY_OID[digestOid];
}

export function digestAlgorithmId(digest: DigestName): Uint8Array {
  return sequence(oid(OID_BY_HASH[digest]));
}

export function signatureAlgorithmId(keyAlgorithm: 'rsa' | 'ec', digest: DigestName): Uint8Array {
  const id = oid(signatureOid(keyAlgorithm === 'rsa' ? 'rsa-pkcs1' : 'ecdsa', digest));
  return keyAlgorithm === 'rsa' ? sequence(id, NULL_VALUE) : sequence(id);
}
