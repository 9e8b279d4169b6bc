/** Verifies an X.509-style signed structure (CRL, OCSP response): tbs bytes + AlgorithmIdentifier + signature. */
import type { KeyObject } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { OID_RSA_PSS, pssParams, signatureAlgo, type HashName } from './algorithm-oids';
import { verifySignatureValue } from './signature-value';

/** The scheme and hashes of an X.509-style AlgorithmIdentifier (PSS hashes from its parameters). */
export function blobAlgorithm(alg: pkijs.AlgorithmIdentifier): {
  algo: ReturnType<typeof signatureAlgo>;
  hash?: HashName;
  mgfHash?: HashName;
} {
  const algo = signatureAlgo(alg.algorithmId);
  if (alg.algorithmId !== OID_RSA_PSS) return { algo, hash: algo?.hash };
  const params = alg.algorithmParams as { toBER?: () => ArrayBuffer } | undefined;
  const pss = params?.toBER ? pssParams(new Uint8Array(params.toBER())) : undefined;
  return { algo, hash: pss?.hash, mgfHash: pss?.mgfHash };
}

export function verifySignedBlob(
  tbs: Uint8Array,
  alg: pkijs.AlgorithmIdentifier,
  signature: Uint8Array,
  publicKey: KeyObject,
): boolean {
  const { algo, mgfHash } = blobAlgorithm(alg);
  let { hash } = blobAlgorithm(alg);
  if (algo?.scheme === 'ed25519' || algo?.scheme === 'ed448') hash = 'sha512';
  if (!algo || !hash) return false;
  return (
    verifySignatureValue({ publicKey, scheme: algo.scheme, hash, mgfHash, signature, data: tbs }) === true
  );
}
