/**
 * CAdES-T / PAdES-B-T: a signature-time-stamp (id-aa-signatureTimeStampToken, ETSI EN 319 122-1 §5.3) over the
 * SignerInfo's signature value, added as an unsigned attribute. Used by `sign --tsa` through the signing
 * flows' finishSignerInfo hook, and by `extend`.
 */
import type { DigestName } from '../crypto/key-signer';
import { createHash } from 'node:crypto';
import { attribute } from '../cms/signed-attributes';
import { OID } from '../cms/oids';
import type { TsaConfig } from '../tsa/tsa-client';
import { requestTimestamp } from '../verify/requested-timestamp';
import type { SignerInfoFinisher } from '../cms/finish-signer-info';
import { signatureValueOf, withUnsignedAttribute } from '../cms/unsigned-attributes';

export async function addSignatureTimestamp(
  signerInfo: Uint8Array,
  tsa: TsaConfig,
  digest: DigestName = 'sha256',
): Promise<Uint8Array> {
  const hash = new Uint8Array(createHash(digest).update(signatureValueOf(signerInfo)).digest());
  const { token } = await requestTimestamp(tsa, digest, hash);
  return withUnsignedAttribute(signerInfo, attribute(OID.signatureTimeStamp, token.der));
}

/** The finishSignerInfo hook of the signing flows for `--tsa` / `--level T`. */
export function signatureTimestamper(tsa: TsaConfig, digest: DigestName = 'sha256'): SignerInfoFinisher {
  return (signerInfo) => addSignatureTimestamp(signerInfo, tsa, digest);
}
