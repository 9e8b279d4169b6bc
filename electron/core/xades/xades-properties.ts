/**
 * The XAdES qualifying properties of one ds:Signature (ETSI EN 319 132-1): the QualifyingProperties whose Target
 * names the signature, its SignedProperties (SigningTime, SigningCertificate / SigningCertificateV2,
 * SignaturePolicyIdentifier) and the unsigned ones that change the form (SignatureTimeStamp, validation data).
 */
import type { HashName } from '../verify/algorithms';
import { DIGEST_BY_URI, NS } from './xml-names';
import { base64Of, childElements, childPath, firstChild, textOf } from './xml-safe';

export interface CertReference {
  hash: HashName | undefined;
  digest: Buffer;
  /** X509SerialNumber (decimal) of SigningCertificate v1, when present */
  serialDecimal?: string;
}

export interface XadesProperties {
  /** the xades:SignedProperties element of this signature */
  signedProperties?: Element;
  signingTime?: Date;
  /** 1 = SigningCertificate, 2 = SigningCertificateV2 */
  signingCertificateVersion?: 1 | 2;
  certReferences: CertReference[];
  policy: boolean;
  /** SignatureTimeStamp elements */
  timestamps: number;
  /** CertificateValues / RevocationValues present (B-LT material) */
  validationData: boolean;
  /** xades:CertificateValues/EncapsulatedX509Certificate, DER (more certificates for the chain) */
  certificateValues: Uint8Array[];
}

function certReferences(container: Element | undefined): CertReference[] {
  return container
    ? childElements(container, NS.xades, 'Cert').map((cert) => {
        const digest = firstChild(cert, NS.xades, 'CertDigest');
        const serial = childPath(cert, NS.xades, 'IssuerSerial');
        const serialText = textOf(firstChild(serial, NS.ds, 'X509SerialNumber'));
        return {
          hash: DIGEST_BY_URI[firstChild(digest, NS.ds, 'DigestMethod')?.getAttribute('Algorithm') ?? ''],
          digest: base64Of(firstChild(digest, NS.ds, 'DigestValue')),
          ...(serialText ? { serialDecimal: serialText } : {}),
        };
      })
    : [];
}

function parseTime(text: string): Date | undefined {
  if (!text) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The QualifyingProperties of `signature` (its Target must be '#<signature Id>' when the signature has an Id). */
export function qualifyingProperties(signature: Element): Element | undefined {
  const id = signature.getAttribute('Id');
  for (const obj of childElements(signature, NS.ds, 'Object')) {
    for (const qp of childElements(obj, NS.xades, 'QualifyingProperties')) {
      const target = qp.getAttribute('Target') ?? '';
      if (!id || target === `#${id}`) return qp;
    }
  }
  return undefined;
}

export function readXadesProperties(signature: Element): XadesProperties | undefined {
  const qp = qualifyingProperties(signature);
  if (!qp) return undefined;
  const signedProperties = firstChild(qp, NS.xades, 'SignedProperties');
  const ssp = firstChild(signedProperties, NS.xades, 'SignedSignatureProperties');
  const v2 = firstChild(ssp, NS.xades, 'SigningCertificateV2');
  const v1 = firstChild(ssp, NS.xades, 'SigningCertificate');
  const usp = childPath(qp, NS.xades, 'UnsignedProperties', 'UnsignedSignatureProperties');
  const unsigned = (name: string): number => (usp ? childElements(usp, NS.xades, name).length : 0);
  return {
    signedProperties,
    signingTime: parseTime(textOf(firstChild(ssp, NS.xades, 'SigningTime'))),
    signingCertificateVersion: v2 ? 2 : v1 ? 1 : undefined,
    certReferences: certReferences(v2 ?? v1),
    policy: firstChild(ssp, NS.xades, 'SignaturePolicyIdentifier') !== undefined,
    timestamps: unsigned('SignatureTimeStamp'),
    validationData: unsigned('CertificateValues') + unsigned('RevocationValues') > 0,
    certificateValues: usp
      ? childElements(usp, NS.xades, 'CertificateValues').flatMap((cv) =>
          childElements(cv, NS.xades, 'EncapsulatedX509Certificate').map((c) => new Uint8Array(base64Of(c))),
        )
      : [],
  };
}
