/** The verification report: plain JSON, the shape `sigillo verify --json` prints (issue 4) and the UI shows. */
import type { ErrorInfo } from '../errors';
import type { CertInfo } from '../x509/cert-info-types';
import type { RevocationReport } from '../revocation/revocation-report';
import type { TimestampReport } from './timestamp-report';
import type { ContainerReport } from './asic-types';
import type { FatturaPaSummary } from '../fatturapa/fatturapa-types';

/** ETSI EN 319 102-1 main indication. */
export type Indication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';

export type SubIndication =
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'REVOKED_NO_POE'
  | 'REVOKED_CA_NO_POE'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'TRY_LATER'
  | 'SIGNED_DATA_NOT_FOUND';

export interface SignerSummary {
  commonName: string | null;
  fiscalCode: string | null;
  givenName: string | null;
  surname: string | null;
  organization: string | null;
}

/** One certificate of the chain, signer first, trust anchor last. */
export interface ChainEntry {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  fingerprintSha256: string;
  /** this certificate is a trust anchor (from --trust or a trust source) */
  trustAnchor: boolean;
  /** where the anchor comes from, e.g. "file:/path/root.pem" */
  trustSource: string | null;
  revocation: RevocationReport | null;
}

export type CadesForm =
  'CAdES-BES' | 'CAdES-EPES' | 'CMS' | 'XAdES-BES' | 'XAdES-EPES' | 'XAdES-T' | 'XAdES-LT' | 'XMLDSig';

export interface SignatureReport {
  signer: SignerSummary;
  /** the signingTime attribute (claimed, not proven), ISO 8601 */
  signingTime: string | null;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  integrity: 'valid' | 'invalid';
  indication: Indication;
  subIndication: SubIndication | null;
  /** a plain-language explanation of the indication, in the user's language */
  explanation: string;
  qualified: boolean;
  /** 0 = outermost signature envelope; +1 for each nested p7m level */
  depth: number;
  cadesForm: CadesForm;
  /** the signature has a signature-time-stamp unsigned attribute (checked by issue 10) */
  hasTimestamp: boolean;
  /** the signature timestamps, checked (issue 10); the earliest valid genTime is the proven signing time */
  timestamps?: TimestampReport[];
  certificate: CertInfo | null;
  chain: ChainEntry[];
  revocation: RevocationReport | null;
  /** every finding, in the user's language */
  messages: string[];
  /** signatures over this one's signature value (unsigned attribute countersignature) */
  counterSignatures: SignatureReport[];
}

export interface FileReport {
  file: string;
  /** 'cades' | 'cms' (plain CMS without signingCertificate attributes) | 'pades' (issue 5) | ... ; null if unreadable */
  format: string | null;
  error: ErrorInfo | null;
  signatures: SignatureReport[];
  /** detached signature: the content file that was checked */
  content?: string;
  /** the timestamps of a .tsd / .tsr / .m7m file (issue 10) */
  timestamps?: TimestampReport[];
  /** FatturaPA invoice key data, when the signed content is an invoice (issue 13) */
  fatturapa?: FatturaPaSummary;
  /** ASiC container: its files and the signatures covering each (issue 13) */
  container?: ContainerReport;
}
