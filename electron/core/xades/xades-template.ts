/**
 * The XAdES-BES (B-B) enveloped ds:Signature Sigillo writes, with a SignatureTimeStamp for XAdES-T (B-T) (FatturaPA rules: Reference URI="" with the
 * enveloped-signature transform, a Reference to the SignedProperties, RSA-SHA256, SigningTime,
 * SigningCertificateV2, the certificate in KeyInfo), as text: only ASCII (base64, URIs, ids, a UTC time), so it
 * can be spliced into a document of any ASCII-compatible encoding without touching the document's bytes.
 */
import { createHash } from 'node:crypto';
import { contextConstructed, sequence } from '../cms/der';
import { issuerAndSerial } from '../cms/cert-fields';
import type { DigestName } from '../crypto/key-signer';
import { C14N_10, DIGEST_URI, NS, SIGNED_PROPERTIES_TYPE, TRANSFORM, signatureUri } from '../xml/xml-names';

export interface XadesTemplateInput {
  /** unique suffix of the Id attributes */
  id: string;
  digest: DigestName;
  keyAlgorithm: 'rsa' | 'ec';
  certificate: Uint8Array;
  /** the issuer certificates to put in KeyInfo after the signer's (root excluded) */
  chain?: Uint8Array[];
  signingTime: Date;
  documentDigest: string;
  signedPropertiesDigest: string;
  signatureValue: string;
  /** XAdES-T: the RFC 3161 token over the canonical ds:SignatureValue, DER base64 (EN 319 132-1 §5.3) */
  signatureTimestamp?: string;
}

export function signatureIds(id: string): {
  signature: string;
  signedProperties: string;
  signatureValue: string;
} {
  return {
    signature: `Signature-${id}`,
    signedProperties: `SignedProperties-${id}`,
    signatureValue: `SignatureValue-${id}`,
  };
}

/** xades:UnsignedProperties with the SignatureTimeStamp (C14N 1.0, the canonicalization it was made with) */
function unsignedPropertiesXml(i: XadesTemplateInput): string {
  if (!i.signatureTimestamp) return '';
  return (
    `<xades:UnsignedProperties><xades:UnsignedSignatureProperties>` +
    `<xades:SignatureTimeStamp Id="SignatureTimeStamp-${i.id}"><ds:CanonicalizationMethod Algorithm="${C14N_10}"/>` +
    `<xades:EncapsulatedTimeStamp>${i.signatureTimestamp}</xades:EncapsulatedTimeStamp></xades:SignatureTimeStamp>` +
    `</xades:UnsignedSignatureProperties></xades:UnsignedProperties>`
  );
}

/** IssuerSerial (RFC 5035) of the certificate, DER, base64 (xades:IssuerSerialV2) */
function issuerSerialV2(cert: Uint8Array): string {
  const { issuer, serial } = issuerAndSerial(cert);
  return Buffer.from(sequence(sequence(contextConstructed(4, issuer)), serial)).toString('base64');
}

function xsdDateTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function signedPropertiesXml(i: XadesTemplateInput): string {
  const ids = signatureIds(i.id);
  const certDigest = createHash(i.digest).update(i.certificate).digest('base64');
  return (
    `<xades:SignedProperties Id="${ids.signedProperties}"><xades:SignedSignatureProperties>` +
    `<xades:SigningTime>${xsdDateTime(i.signingTime)}</xades:SigningTime>` +
    `<xades:SigningCertificateV2><xades:Cert><xades:CertDigest>` +
    `<ds:DigestMethod Algorithm="${DIGEST_URI[i.digest]}"/><ds:DigestValue>${certDigest}</ds:DigestValue>` +
    `</xades:CertDigest><xades:IssuerSerialV2>${issuerSerialV2(i.certificate)}</xades:IssuerSerialV2>` +
    `</xades:Cert></xades:SigningCertificateV2></xades:SignedSignatureProperties></xades:SignedProperties>`
  );
}

export function signedInfoXml(i: XadesTemplateInput): string {
  const ids = signatureIds(i.id);
  const digestMethod = `<ds:DigestMethod Algorithm="${DIGEST_URI[i.digest]}"/>`;
  return (
    `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${C14N_10}"/>` +
    `<ds:SignatureMethod Algorithm="${signatureUri(i.keyAlgorithm === 'ec' ? 'ecdsa' : 'rsa', i.digest)}"/>` +
    `<ds:Reference Id="Reference-${i.id}" URI=""><ds:Transforms>` +
    `<ds:Transform Algorithm="${TRANSFORM.enveloped}"/></ds:Transforms>` +
    `${digestMethod}<ds:DigestValue>${i.documentDigest}</ds:DigestValue></ds:Reference>` +
    `<ds:Reference Type="${SIGNED_PROPERTIES_TYPE}" URI="#${ids.signedProperties}">` +
    `${digestMethod}<ds:DigestValue>${i.signedPropertiesDigest}</ds:DigestValue></ds:Reference>` +
    `</ds:SignedInfo>`
  );
}

/** the whole ds:Signature element */
export function signatureXml(i: XadesTemplateInput): string {
  const ids = signatureIds(i.id);
  const certs = [i.certificate, ...(i.chain ?? [])]
    .map((c) => `<ds:X509Certificate>${Buffer.from(c).toString('base64')}</ds:X509Certificate>`)
    .join('');
  return (
    `<ds:Signature xmlns:ds="${NS.ds}" Id="${ids.signature}">${signedInfoXml(i)}` +
    `<ds:SignatureValue Id="${ids.signatureValue}">${i.signatureValue}</ds:SignatureValue>` +
    `<ds:KeyInfo><ds:X509Data>${certs}</ds:X509Data></ds:KeyInfo>` +
    `<ds:Object><xades:QualifyingProperties xmlns:xades="${NS.xades}" Target="#${ids.signature}">` +
    `${signedPropertiesXml(i)}${unsignedPropertiesXml(i)}</xades:QualifyingProperties></ds:Object></ds:Signature>`
  );
}
