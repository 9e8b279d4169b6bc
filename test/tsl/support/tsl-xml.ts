/**
 * Test helper: ETSI TS 119 612 trusted lists (and lists of trusted lists) as XML text, shaped like the published
 * ones (tsl:, ecc:, tslx:, xades: namespaces, multilingual names, extensions), unsigned or with an XMLDSig
 * template for `xmlsec1 --sign` (enveloped reference URI="" plus a XAdES SignedProperties reference).
 */
const TSL_NS = 'http://uri.etsi.org/02231/v2#';
const STATUS = 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/';
const ASI_BASE = 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/';
const QUALIFIER_BASE = 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/';
export const CA_QC = 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC';

export interface StatusSpec {
  status: 'granted' | 'withdrawn' | 'undersupervision' | 'accredited';
  start: Date;
  type?: string;
  /** ForeSignatures, ForeSeals, ForWebSiteAuthentication */
  asi?: string[];
  /** QCWithSSCD, QCStatement, QCForESig… */
  qualifiers?: string[];
}

export interface ServiceSpec {
  name: string;
  certificates: Uint8Array[];
  /** newest first */
  history: StatusSpec[];
}

export interface PointerSpec {
  territory: string;
  location: string;
  certificates: Uint8Array[];
  mimeType?: string;
  /** default EUgeneric; EUlistofthelists for a LOTL's pointer to itself */
  tslType?: string;
}

export interface TslSpec {
  territory: string;
  sequence: number;
  issue: Date;
  next: Date;
  lotl?: boolean;
  /** SchemeInformationURI values (a LOTL's pivots, newest first) */
  schemeUris?: string[];
  pointers?: PointerSpec[];
  tsps?: { name: string; services: ServiceSpec[] }[];
}

const b64 = (d: Uint8Array) => Buffer.from(d).toString('base64');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function names(tag: string, value: string): string {
  return `<tsl:${tag}><tsl:Name xml:lang="it">${esc(value)}</tsl:Name><tsl:Name xml:lang="en">${esc(value)}</tsl:Name></tsl:${tag}>`;
}

function digitalIds(certs: Uint8Array[]): string {
  return certs
    .map((c) => `<tsl:DigitalId><tsl:X509Certificate>${b64(c)}</tsl:X509Certificate></tsl:DigitalId>`)
    .join('');
}

function extensions(s: StatusSpec): string {
  const asi = (s.asi ?? []).map(
    (a) =>
      `<tsl:Extension Critical="false"><tsl:AdditionalServiceInformation><tsl:URI xml:lang="en">${ASI_BASE}${a}</tsl:URI></tsl:AdditionalServiceInformation></tsl:Extension>`,
  );
  const quals = s.qualifiers?.length
    ? [
        `<tsl:Extension Critical="true"><ecc:Qualifications><ecc:QualificationElement><ecc:Qualifiers>${s.qualifiers
          .map((q) => `<ecc:Qualifier uri="${QUALIFIER_BASE}${q}"/>`)
          .join(
            '',
          )}</ecc:Qualifiers><ecc:CriteriaList assert="atLeastOne"><ecc:PolicySet><ecc:PolicyIdentifier><xades:Identifier Qualifier="OIDAsURN">urn:oid:1.3.76.16.6</xades:Identifier></ecc:PolicyIdentifier></ecc:PolicySet></ecc:CriteriaList></ecc:QualificationElement></ecc:Qualifications></tsl:Extension>`,
      ]
    : [];
  const all = [...asi, ...quals];
  return all.length
    ? `<tsl:ServiceInformationExtensions>${all.join('')}</tsl:ServiceInformationExtensions>`
    : '';
}

function statusBody(s: StatusSpec, svc: ServiceSpec): string {
  return (
    `<tsl:ServiceTypeIdentifier>${s.type ?? CA_QC}</tsl:ServiceTypeIdentifier>${names('ServiceName', svc.name)}` +
    `<tsl:ServiceDigitalIdentity>${digitalIds(svc.certificates)}</tsl:ServiceDigitalIdentity>` +
    `<tsl:ServiceStatus>${STATUS}${s.status}</tsl:ServiceStatus>` +
    `<tsl:StatusStartingTime>${s.start.toISOString().replace(/\.\d{3}Z$/, 'Z')}</tsl:StatusStartingTime>`
  );
}

function service(svc: ServiceSpec): string {
  const [current, ...older] = svc.history;
  if (!current) throw new Error('a service needs a status');
  const history = older.length
    ? `<tsl:ServiceHistory>${older.map((h) => `<tsl:ServiceHistoryInstance>${statusBody(h, svc)}${extensions(h)}</tsl:ServiceHistoryInstance>`).join('')}</tsl:ServiceHistory>`
    : '';
  return (
    `<tsl:TSPService><tsl:ServiceInformation>${statusBody(current, svc)}` +
    `<tsl:ServiceSupplyPoints><tsl:ServiceSupplyPoint>http://127.0.0.1/crl</tsl:ServiceSupplyPoint></tsl:ServiceSupplyPoints>` +
    `${extensions(current)}</tsl:ServiceInformation>${history}</tsl:TSPService>`
  );
}

function pointer(p: PointerSpec): string {
  return (
    `<tsl:OtherTSLPointer><tsl:ServiceDigitalIdentities>${p.certificates
      .map((c) => `<tsl:ServiceDigitalIdentity>${digitalIds([c])}</tsl:ServiceDigitalIdentity>`)
      .join('')}</tsl:ServiceDigitalIdentities><tsl:TSLLocation>${esc(p.location)}</tsl:TSLLocation>` +
    `<tsl:AdditionalInformation><tsl:OtherInformation><tsl:TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/${p.tslType ?? 'EUgeneric'}</tsl:TSLType></tsl:OtherInformation>` +
    `<tsl:OtherInformation>${names('SchemeOperatorName', `Operator ${p.territory}`)}</tsl:OtherInformation>` +
    `<tsl:OtherInformation><tsl:SchemeTerritory>${p.territory}</tsl:SchemeTerritory></tsl:OtherInformation>` +
    `<tsl:OtherInformation><tslx:MimeType>${p.mimeType ?? 'application/vnd.etsi.tsl+xml'}</tslx:MimeType></tsl:OtherInformation>` +
    `</tsl:AdditionalInformation></tsl:OtherTSLPointer>`
  );
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The unsigned list; `signature` (an XML fragment) goes last inside the root when given. */
export function tslXml(spec: TslSpec, signature = ''): string {
  const type = spec.lotl ? 'EUlistofthelists' : 'EUgeneric';
  const tsps = (spec.tsps ?? [])
    .map(
      (tsp) =>
        `<tsl:TrustServiceProvider><tsl:TSPInformation>${names('TSPName', tsp.name)}</tsl:TSPInformation><tsl:TSPServices>${tsp.services.map(service).join('')}</tsl:TSPServices></tsl:TrustServiceProvider>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<tsl:TrustServiceStatusList xmlns:tsl="${TSL_NS}" xmlns:ecc="http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#" xmlns:tslx="http://uri.etsi.org/02231/v2/additionaltypes#" xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Id="tsl-${spec.territory}" TSLTag="http://uri.etsi.org/19612/TSLTag">` +
    `<tsl:SchemeInformation><tsl:TSLVersionIdentifier>5</tsl:TSLVersionIdentifier><tsl:TSLSequenceNumber>${spec.sequence}</tsl:TSLSequenceNumber>` +
    `<tsl:TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/${type}</tsl:TSLType>${names('SchemeOperatorName', `Test operator ${spec.territory}`)}` +
    (spec.schemeUris?.length
      ? `<tsl:SchemeInformationURI>${spec.schemeUris.map((u) => `<tsl:URI xml:lang="en">${esc(u)}</tsl:URI>`).join('')}</tsl:SchemeInformationURI>`
      : '') +
    `<tsl:SchemeTerritory>${spec.territory}</tsl:SchemeTerritory>` +
    (spec.pointers?.length
      ? `<tsl:PointersToOtherTSL>${spec.pointers.map(pointer).join('')}</tsl:PointersToOtherTSL>`
      : '') +
    `<tsl:ListIssueDateTime>${iso(spec.issue)}</tsl:ListIssueDateTime><tsl:NextUpdate><tsl:dateTime>${iso(spec.next)}</tsl:dateTime></tsl:NextUpdate>` +
    `</tsl:SchemeInformation>` +
    (tsps ? `<tsl:TrustServiceProviderList>${tsps}</tsl:TrustServiceProviderList>` : '') +
    `${signature}</tsl:TrustServiceStatusList>\n`
  );
}

/** An XMLDSig + XAdES template for xmlsec1: enveloped reference URI="" and the SignedProperties reference. */
export interface TemplateOptions {
  canonicalization?: string;
  signatureMethod?: string;
}

export function signatureTemplate(signingTime: Date, o: TemplateOptions = {}): string {
  const ds = 'http://www.w3.org/2000/09/xmldsig#';
  const c14n = o.canonicalization ?? 'http://www.w3.org/2001/10/xml-exc-c14n#';
  const method = o.signatureMethod ?? 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
  return (
    `<ds:Signature xmlns:ds="${ds}" Id="sig-1"><ds:SignedInfo>` +
    `<ds:CanonicalizationMethod Algorithm="${c14n}"/>` +
    `<ds:SignatureMethod Algorithm="${method}"/>` +
    `<ds:Reference Id="ref-tsl" URI=""><ds:Transforms><ds:Transform Algorithm="${ds}enveloped-signature"/>` +
    `<ds:Transform Algorithm="${c14n}"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference>` +
    `<ds:Reference Type="http://uri.etsi.org/01903#SignedProperties" URI="#xades-sp"><ds:Transforms>` +
    `<ds:Transform Algorithm="${c14n}"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference>` +
    `</ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo>` +
    `<ds:Object><xades:QualifyingProperties Target="#sig-1"><xades:SignedProperties Id="xades-sp">` +
    `<xades:SignedSignatureProperties><xades:SigningTime>${iso(signingTime)}</xades:SigningTime>` +
    `</xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object></ds:Signature>`
  );
}
