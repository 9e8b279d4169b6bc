/**
 * SignerInfo builder (RFC 5652 §5.3), version 1 with issuerAndSerialNumber. The signature covers the DER
 * SET OF the signed attributes; in the SignerInfo the same bytes carry the [0] IMPLICIT tag. Reused by PAdES
 * (detached CMS, no signingTime, message digest of the byte ranges).
 */
import type { DigestName, KeySigner } from '../crypto/key-signer';
import { integer, octetString, retag, sequence, setOf } from './der';
import { digestAlgorithmId, signatureAlgorithmId } from './algorithms';
import { issuerAndSerial } from './cert-fields';
import { signedAttributes } from './signed-attributes';
import { OID } from './oids';

export interface SignerInfoInput {
  signer: KeySigner;
  digest: DigestName;
  /** digest of the content (or of the PDF byte ranges) */
  messageDigest: Uint8Array;
  /** eContentType; id-data by default */
  contentType?: string;
  /** signing time attribute; null/undefined leaves it out (PAdES) */
  signingTime?: Date | null;
  /** extra signed attributes, already encoded as Attribute SEQUENCEs */
  extraAttributes?: Uint8Array[];
}

export async function buildSignerInfo(input: SignerInfoInput): Promise<Uint8Array> {
  const { signer, digest } = input;
  const attrs = [
    ...signedAttributes({
      contentType: input.contentType ?? OID.data,
      messageDigest: input.messageDigest,
      signerCertificate: signer.certificate,
      signingTime: input.signingTime,
    }),
    ...(input.extraAttributes ?? []),
  ];
  const attrSet = setOf(attrs);
  const signature = await signer.sign(digest, attrSet);
  const { issuer, serial } = issuerAndSerial(signer.certificate);
  return sequence(
    integer(1),
    sequence(issuer, serial),
    digestAlgorithmId(digest),
    retag(attrSet, 0xa0),
    signatureAlgorithmId(signer.keyAlgorithm, digest),
    octetString(signature),
  );
}
