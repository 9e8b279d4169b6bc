/** What Sigillo keeps of an ETSI TS 119 612 trusted list (also the JSON shape of the disk cache). */
import type { Qualification } from '../trust/qualifications';

export interface ServiceIdentity {
  /** X509Certificate values, base64 DER */
  certificates: string[];
  /** X509SubjectName values */
  subjectNames: string[];
  /** X509SKI values, base64 */
  skis: string[];
}

/** One status of a service, valid from `start` until the start of the next newer entry. */
export interface ServiceStatusEntry {
  /** status URI, e.g. http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted */
  status: string;
  /** ISO date-time (StatusStartingTime) */
  start: string;
  /** service type URI at that time, e.g. http://uri.etsi.org/TrstSvc/Svctype/CA/QC */
  type: string;
  /** AdditionalServiceInformation URIs (ForeSignatures, ForeSeals, ForWebSiteAuthentication…) */
  additionalServiceInfo: string[];
  /** ecc:Qualifier URIs (QCWithSSCD, QCStatement, QCForESig…) */
  qualifiers: string[];
  /** each ecc:QualificationElement with its criteria (absent in caches written before they were kept) */
  qualifications?: Qualification[];
}

export interface TrustService {
  tspName: string;
  name: string;
  identity: ServiceIdentity;
  /** newest first: the current status, then ServiceHistory instances */
  history: ServiceStatusEntry[];
}

/** An OtherTSLPointer of a list of trusted lists. */
export interface OtherTslPointer {
  location: string;
  territory: string;
  mimeType: string;
  tslType: string;
  /** certificates allowed to sign the pointed list, base64 DER */
  certificates: string[];
}

export interface TrustedList {
  territory: string;
  sequenceNumber: number;
  tslType: string;
  operatorName: string;
  /** SchemeInformationURI values (for a LOTL: the pivot LOTLs, newest first, and the Official Journal notice) */
  schemeInformationUris: string[];
  /** ISO date-time */
  issueDate: string;
  /** ISO date-time; null when the list is closed */
  nextUpdate: string | null;
  pointers: OtherTslPointer[];
  services: TrustService[];
}
