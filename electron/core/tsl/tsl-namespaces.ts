/** XML namespaces and URIs of ETSI TS 119 612 trusted lists and of XMLDSig. */
export const NS = {
  tsl: 'http://uri.etsi.org/02231/v2#',
  tslx: 'http://uri.etsi.org/02231/v2/additionaltypes#',
  ecc: 'http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
} as const;

export const SVC_TYPE_CA_QC = 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC';

const STATUS = 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/';
/** eIDAS statuses (and the pre-2016 Directive 1999/93/EC ones) under which a CA/QC service issues qualified certificates */
export const QUALIFIED_STATUSES = new Set(
  ['granted', 'undersupervision', 'accredited', 'supervisionincessation', 'setbynationallaw'].map(
    (s) => STATUS + s,
  ),
);

export const ASI = {
  forESignatures: 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures',
  forESeals: 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals',
  forWebSiteAuthentication: 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForWebSiteAuthentication',
} as const;

export const TSL_MIME_XML = 'application/vnd.etsi.tsl+xml';

/** The last segment of a URI, for display ('…/Svcstatus/granted' → 'granted'). */
export function shortUri(uri: string): string {
  const cut = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#'));
  return cut >= 0 && cut < uri.length - 1 ? uri.slice(cut + 1) : uri;
}
