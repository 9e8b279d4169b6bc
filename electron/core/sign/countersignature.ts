/**
 * Counter-signature ("controfirma", RFC 5652 §11.4): a SignerInfo over the signature value of an existing signer,
 * stored as its unsigned attribute id-countersignature. Its signed attributes carry messageDigest (of the
 * countersigned signature value), signingCertificateV2 and signingTime, and no contentType (§11.4 forbids it).
 */
import { createHash } from 'node:crypto';
import type { DigestName, KeySigner } from '../crypto/key-signer';
import { digestAlgorithmId, signatureAlgorithmId } from '../cms/algorithms';
import { issuerAndSerial } from '../cms/cert-fields';
import { integer, octetString, retag, sequence, setOf, time } from '../cms/der';
import { OID } from '../cms/oids';
import { attribute, signingCertificateV2 } from '../cms/signed-attributes';
import type { SignerInfoFinisher } from '../cms/finish-signer-info';
import { signatureValueOf, withUnsignedAttribute } from '../cms/unsigned-attributes';

export interface CounterSignInput {
  signer: KeySigner;
  digest: DigestName;
  signingTime?: Date;
  /** e.g. a signature timestamp on the counter-signature itself */
  finishSignerInfo?: SignerInfoFinisher;
}

/** The counter-signature SignerInfo over `target`'s signature value. */
export async function buildCounterSignature(target: Uint8Array, o: CounterSignInput): Promise<Uint8Array> {
  const md = new Uint8Array(createHash(o.digest).update(signatureValueOf(target)).digest());
  const attrSet = setOf([
    attribute(OID.messageDigest, octetString(md)),
    signingCertificateV2(o.signer.certificate),
    attribute(OID.signingTime, time(o.signingTime ?? new Date())),
  ]);
  const signature = await o.signer.sign(o.digest, attrSet);
  const { issuer, serial } = issuerAndSerial(o.signer.certificate);
  const si = sequence(
    integer(1),
    sequence(issuer, serial),
    digestAlgorithmId(o.digest),
    retag(attrSet, 0xa0),
    signatureAlgorithmId(o.signer.keyAlgorithm, o.digest),
    octetString(signature),
  );
  return o.finishSignerInfo ? o.finishSignerInfo(si, o.signer) : si;
}

/** `target` with a new counter-signature added (after any existing unsigned attribute). */
export async function counterSign(target: Uint8Array, o: CounterSignInput): Promise<Uint8Array> {
  return withUnsignedAttribute(
    target,
    attribute(OID.counterSignature, await buildCounterSignature(target, o)),
  );
}
