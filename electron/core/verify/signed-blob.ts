/** Verifies an X.509-style signed structure (CRL, OCSP response): tbs bytes + AlgorithmIdentifier + signature. */
import type { KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';
import { HASH_BY_OID, OID_RSA_PSS, signatureAlgo } from './algorithms';
import { verifySignatureValue } from './signature-value';

export function verifySignedBlob(
  tbs: Uint8Array,
  alg: pkijs.AlgorithmIdentifier,
  signature: Uint8Array,
  publicKey: KeyObject,
): boolean {
  const algo = signatureAlgo(alg.algorithmId);
  let hash = algo?.hash;
  if (alg.algorithmId === OID_RSA_PSS) {
    try {
      hash =
        HASH_BY_OID[new pkijs.RSASSAPSSParams({ schema: alg.algorithmParams }).hashAlgorithm.algorithmId];
    } catch {
      return false;
    }
  }
  if (!algo || !hash) return false;
  return verifySignatureValue({ publicKey, scheme: algo.scheme, hash, signature, data: tbs }) === true;
}
