/**
 * AlgorithmIdentifiers for the digests and signatures Sigillo writes, and the digest name ↔ OID map the
 * reader uses. Digest parameters are absent (RFC 5754); sha*WithRSAEncryption carries NULL (RFC 4055);
 * ecdsa-with-SHA* has no parameters (RFC 5758).
 */
import type { DigestName } from '../crypto/key-signer';
import { NULL_VALUE, oid, sequence } from './der';
import { OID } from './oids';
import { HASH_BY_OID, OID_BY_HASH, type HashName } from './algorithm-oids';

/** The hash name (algorithm-oids.ts HashName) for a digest algorithm OID, or undefined when unknown. */
export function digestNameForOid(digestOid: string): HashName | undefined {
  return HASH_BY_OID[digestOid];
}

/** The digest algorithm OID for a hash name, or undefined when unknown. */
export function digestOidForName(name: string): string | undefined {
  return OID_BY_HASH[name as HashName];
}

export function digestAlgorithmId(digest: DigestName): Uint8Array {
  return sequence(oid(OID[digest]));
}

const SIGNATURE_OIDS: Record<'rsa' | 'ec', Record<DigestName, string>> = {
  rsa: {
    sha256: OID.sha256WithRSAEncryption,
    sha384: OID.sha384WithRSAEncryption,
    sha512: OID.sha512WithRSAEncryption,
  },
  ec: { sha256: OID.ecdsaWithSHA256, sha384: OID.ecdsaWithSHA384, sha512: OID.ecdsaWithSHA512 },
};

export function signatureAlgorithmId(keyAlgorithm: 'rsa' | 'ec', digest: DigestName): Uint8Array {
  const id = oid(SIGNATURE_OIDS[keyAlgorithm][digest]);
  return keyAlgorithm === 'rsa' ? sequence(id, NULL_VALUE) : sequence(id);
}
