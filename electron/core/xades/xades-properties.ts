/**
 * The XAdES qualifying properties of one ds:Signature (ETSI EN 319 132-1): the QualifyingProperties whose Target
 * names the signature, its SignedProperties (SigningTime, SigningCertificate / SigningCertificateV2,
 * SignaturePolicyIdentifier) and the unsigned ones that change the form (SignatureTimeStamp, validation data).
 */
import type { HashName } from '../cms/algorithm-oids';
import { DIGEST_BY_URI, NS, XADES_NAMESPACES } from '../xml/xml-names';
import { base64Of, childElements, childPath, firstChild, textOf } from '../xml/xml-safe';

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
  /** the QualifyingProperties Target does not name this signature (a format failure) */
  wrongTarget: boolean;
  /** more than one QualifyingProperties for this signature (EN 319 132-1 §4.3: one; a format failure) */
  several: boolean;
}

function certReferences(container: Element | undefined, ns: string): CertReference[] {
  return container
    ? childElements(container, ns, 'Cert').map((cert) => {
        const digest = firstChild(cert, ns, 'CertDigest');
        const serial = childPath(cert, ns, 'IssuerSerial');
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

/** true when the signature has an Id and the (unsigned) Target of `qp` does not name it */
function wrongTarget(qp: Element, signature: Element): boolean {
  const id = signature.getAttribute('Id');
  return !!id && qp.getAttribute('Target') !== `#${id}`;
}

/** Every QualifyingProperties in a ds:Object of `signature` (XAdES 1.3.2, 1.2.2 or 1.1.1 namespace). */
function allQualifyingProperties(signature: Element): Element[] {
  return childElements(signature, NS.ds, 'Object').flatMap((obj) =>
    childElements(obj, '*', 'QualifyingProperties').filter((q) =>
      XADES_NAMESPACES.includes(q.namespaceURI ?? ''),
    ),
  );
}

/** those whose Target names the signature (all of them when none does) */
function candidates(signature: Element): Element[] {
  const found = allQualifyingProperties(signature);
  const targeting = found.filter((qp) => !wrongTarget(qp, signature));
  return targeting.length > 0 ? targeting : found;
}

/**
 * The QualifyingProperties of `signature` in a ds:Object of its own, the one whose Target is '#<signature Id>'
 * first, and of those the one holding SignedProperties (the properties the signature signs: an empty decoy put
 * before it must not hide SigningTime and SigningCertificate). One with another Target is still this signature's
 * (EN 319 132-1: the SignedProperties it signs are its properties): Target is not signed, so it must never turn
 * XAdES into plain XMLDSig and skip the SigningCertificate check. Its children are read in its own namespace.
 */
export function qualifyingProperties(signature: Element): Element | undefined {
  const list = candidates(signature);
  return list.find((qp) => firstChild(qp, qp.namespaceURI ?? NS.xades, 'SignedProperties')) ?? list[0];
}

/** The unsigned signature properties of a QualifyingProperties (its namespace), when present. */
export function unsignedSignatureProperties(qp: Element | undefined): Element | undefined {
  return childPath(qp, qp?.namespaceURI ?? NS.xades, 'UnsignedProperties', 'UnsignedSignatureProperties');
}

export function readXadesProperties(signature: Element): XadesProperties | undefined {
  const qp = qualifyingProperties(signature);
  if (!qp) return undefined;
  const ns = qp.namespaceURI ?? NS.xades;
  const signedProperties = firstChild(qp, ns, 'SignedProperties');
  const ssp = firstChild(signedProperties, ns, 'SignedSignatureProperties');
  const v2 = firstChild(ssp, ns, 'SigningCertificateV2');
  const v1 = firstChild(ssp, ns, 'SigningCertificate');
  const usp = unsignedSignatureProperties(qp);
  const unsigned = (name: string): number => (usp ? childElements(usp, ns, name).length : 0);
  return {
    wrongTarget: wrongTarget(qp, signature),
    several: candidates(signature).length > 1,
    signedProperties,
    signingTime: parseTime(textOf(firstChild(ssp, ns, 'SigningTime'))),
    signingCertificateVersion: v2 ? 2 : v1 ? 1 : undefined,
    certReferences: certReferences(v2 ?? v1, ns),
    policy: firstChild(ssp, ns, 'SignaturePolicyIdentifier') !== undefined,
    timestamps: unsigned('SignatureTimeStamp'),
    validationData: unsigned('CertificateValues') + unsigned('RevocationValues') > 0,
    certificateValues: usp
      ? childElements(usp, ns, 'CertificateValues').flatMap((cv) =>
          childElements(cv, ns, 'EncapsulatedX509Certificate').map((c) => new Uint8Array(base64Of(c))),
        )
      : [],
  };
}
