/**
 * A SignerInfo of the final size, built before the content is hashed, so the streaming writer can place the
 * content: same attributes, a zero digest and a zero signature of the key's usual signature length.
 */
import { X509Certificate } from 'node:crypto';
import type { DigestName, KeySigner } from '../crypto/key-signer';
import { buildSignerInfo } from '../cms/signer-info';

const DIGEST_BYTES: Record<DigestName, number> = { sha256: 32, sha384: 48, sha512: 64 };
const EC_FIELD_BYTES: Record<string, number> = { prime256v1: 32, secp384r1: 48, secp521r1: 66 };

/** Usual signature length: the RSA modulus size; for ECDSA a DER SEQUENCE of two full-size INTEGERs. */
export function expectedSignatureLength(certDer: Uint8Array): number {
  try {
    const details = new X509Certificate(certDer).publicKey.asymmetricKeyDetails ?? {};
    if (details.modulusLength) return Math.ceil(details.modulusLength / 8);
    const field = EC_FIELD_BYTES[details.namedCurve ?? ''] ?? 32;
    return 2 * (field + 3) + 2;
  } catch {
    return 256;
  }
}

export function estimateSignerInfo(
  signer: KeySigner,
  digest: DigestName,
  signingTime: Date | null,
): Promise<Uint8Array> {
  const sigLength = expectedSignatureLength(signer.certificate);
  const stub: KeySigner = { ...signer, sign: async () => new Uint8Array(sigLength) };
  return buildSignerInfo({
    signer: stub,
    digest,
    messageDigest: new Uint8Array(DIGEST_BYTES[digest]),
    signingTime,
  });
}
