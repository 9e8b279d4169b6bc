/**
 * CAdES-BES signed attributes: contentType, signingTime (optional: PAdES omits it), messageDigest and
 * signingCertificateV2 (RFC 5035 ESSCertIDv2 with the SHA-256 of the signer certificate and its IssuerSerial;
 * hashAlgorithm omitted because SHA-256 is the DEFAULT).
 */
import { createHash } from 'node:crypto';
import { contextConstructed, octetString, oid, sequence, setOf, time } from './der';
import { issuerAndSerial } from './cert-fields';
import { OID } from './oids';

export interface SignedAttributesInput {
  contentType: string;
  messageDigest: Uint8Array;
  signerCertificate: Uint8Array;
  /** null or undefined: no signingTime attribute */
  signingTime?: Date | null;
}

export function attribute(type: string, ...values: Uint8Array[]): Uint8Array {
  return sequence(oid(type), setOf(values));
}

export function signingCertificateV2(certDer: Uint8Array): Uint8Array {
  const { issuer, serial } = issuerAndSerial(certDer);
  const certHash = new Uint8Array(createHash('sha256').update(certDer).digest());
  // IssuerSerial ::= SEQUENCE { issuer GeneralNames (directoryName [4] EXPLICIT Name), serialNumber }
  const issuerSerial = sequence(sequence(contextConstructed(4, issuer)), serial);
  const essCertIdV2 = sequence(octetString(certHash), issuerSerial);
  return attribute(OID.signingCertificateV2, sequence(sequence(essCertIdV2)));
}

/** The attributes, each encoded; order does not matter (the SET OF is sorted when encoded). */
export function signedAttributes(input: SignedAttributesInput): Uint8Array[] {
  const attrs = [
    attribute(OID.contentType, oid(input.contentType)),
    attribute(OID.messageDigest, octetString(input.messageDigest)),
    signingCertificateV2(input.signerCertificate),
  ];
  if (input.signingTime) attrs.push(attribute(OID.signingTime, time(input.signingTime)));
  return attrs;
}
