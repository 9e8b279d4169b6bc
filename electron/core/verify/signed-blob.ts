/** Verifies an X.509-style signed structure (CRL, OCSP response): tbs bytes + AlgorithmIdentifier + signature. */
import type { KeyObject } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { OID_RSA_PSS, pssHash, signatureAlgo } from './algorithms';
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
    const params = alg.algorithmParams as { toBER?: () => ArrayBuffer } | undefined;
    hash = pssHash(params?.toBER ? new Uint8Array(params.toBER()) : undefined);
  }
  if (!algo || !hash) return false;
  return verifySignatureValue({ publicKey, scheme: algo.scheme, hash, signature, data: tbs }) === true;
}
