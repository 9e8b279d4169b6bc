/** Namespaces and algorithm URIs of XMLDSig / XAdES (W3C XMLDSig 1.0/1.1, RFC 6931, ETSI EN 319 132-1). */
import type { HashName } from '../cms/algorithm-oids';

export const NS = {
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  xades141: 'http://uri.etsi.org/01903/v1.4.1#',
  asic: 'http://uri.etsi.org/02918/v1.2.1#',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

export const SIGNED_PROPERTIES_TYPE = 'http://uri.etsi.org/01903#SignedProperties';

/** XAdES 1.1.1, 1.2.2 and 1.3.2 (EN 319 132-1): the namespaces a QualifyingProperties can be in. */
export const XADES_NAMESPACES: readonly string[] = [
  NS.xades,
  'http://uri.etsi.org/01903/v1.2.2#',
  'http://uri.etsi.org/01903/v1.1.1#',
];

/** The Type of a reference to SignedProperties: 1.3.2 and later, or the older versioned forms. */
export function isSignedPropertiesType(type: string | null): boolean {
  return (
    type === SIGNED_PROPERTIES_TYPE ||
    (type !== null && XADES_NAMESPACES.some((ns) => type === `${ns}SignedProperties`))
  );
}

export const TRANSFORM = {
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  xpath: 'http://www.w3.org/TR/1999/REC-xpath-19991116',
  xpathFilter2: 'http://www.w3.org/2002/06/xmldsig-filter2',
  base64: 'http://www.w3.org/2000/09/xmldsig#base64',
} as const;

export type C14nKind = 'inclusive' | 'exclusive';

export interface C14nMethod {
  kind: C14nKind;
  withComments: boolean;
  /**
   * C14N 1.1: differs from 1.0 in the xml:* attributes a document subset's apex inherits from its ancestors (1.1
   * §2.4: xml:lang and xml:space, not xml:id; xml:base is fixed up) — see c14n.ts
   */
  v11?: true;
}

export const C14N: Readonly<Record<string, C14nMethod>> = {
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315': { kind: 'inclusive', withComments: false },
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments': { kind: 'inclusive', withComments: true },
  'http://www.w3.org/2006/12/xml-c14n11': { kind: 'inclusive', withComments: false, v11: true },
  'http://www.w3.org/2006/12/xml-c14n11#WithComments': { kind: 'inclusive', withComments: true, v11: true },
  'http://www.w3.org/2001/10/xml-exc-c14n#': { kind: 'exclusive', withComments: false },
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': { kind: 'exclusive', withComments: true },
};

export const C14N_10 = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

export const DIGEST_BY_URI: Readonly<Record<string, HashName>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#sha224': 'sha224',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

/**
 * SHA-3 reference digests (RFC 6931 §2.1.5): checked for references only, kept apart from DIGEST_BY_URI so the
 * other readers of digest URIs (SigningCertificate, ASiC manifests) stay as they are.
 */
export const SHA3_DIGEST_BY_URI: Readonly<Record<string, HashName>> = {
  'http://www.w3.org/2007/05/xmldsig-more#sha3-256': 'sha3-256',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-384': 'sha3-384',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-512': 'sha3-512',
};

export const DIGEST_URI: Readonly<Record<'sha256' | 'sha384' | 'sha512', string>> = {
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
};

export type XmlSignatureScheme = 'rsa' | 'rsa-pss' | 'ecdsa';

const MORE = 'http://www.w3.org/2001/04/xmldsig-more#';
const MGF1 = 'http://www.w3.org/2007/05/xmldsig-more#';

export const SIGNATURE_BY_URI: Readonly<Record<string, [XmlSignatureScheme, HashName]>> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': ['rsa', 'sha1'],
  [`${MORE}rsa-sha224`]: ['rsa', 'sha224'],
  [`${MORE}rsa-sha256`]: ['rsa', 'sha256'],
  [`${MORE}rsa-sha384`]: ['rsa', 'sha384'],
  [`${MORE}rsa-sha512`]: ['rsa', 'sha512'],
  [`${MGF1}sha1-rsa-MGF1`]: ['rsa-pss', 'sha1'],
  [`${MGF1}sha256-rsa-MGF1`]: ['rsa-pss', 'sha256'],
  [`${MGF1}sha384-rsa-MGF1`]: ['rsa-pss', 'sha384'],
  [`${MGF1}sha512-rsa-MGF1`]: ['rsa-pss', 'sha512'],
  [`${MORE}ecdsa-sha1`]: ['ecdsa', 'sha1'],
  [`${MORE}ecdsa-sha224`]: ['ecdsa', 'sha224'],
  [`${MORE}ecdsa-sha256`]: ['ecdsa', 'sha256'],
  [`${MORE}ecdsa-sha384`]: ['ecdsa', 'sha384'],
  [`${MORE}ecdsa-sha512`]: ['ecdsa', 'sha512'],
};

export function signatureUri(scheme: 'rsa' | 'ecdsa', hash: 'sha256' | 'sha384' | 'sha512'): string {
  return `${MORE}${scheme}-${hash}`;
}
