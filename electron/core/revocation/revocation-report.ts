/** The revocation status of one certificate, as the verification report shows it (verify/types.ts). */
export type RevocationStatus = 'good' | 'revoked' | 'unknown' | 'not_checked';

export interface RevocationReport {
  status: RevocationStatus;
  /** 'ocsp' | 'crl' when an answer was found */
  source: 'ocsp' | 'crl' | null;
  /** where the answer came from (URL); null when none */
  url: string | null;
  /** the answer came from the disk cache */
  cached: boolean;
  revocationTime: string | null;
  revocationReason: string | null;
  thisUpdate: string | null;
  nextUpdate: string | null;
  /** plain-language reason when status is unknown / not_checked */
  message: string | null;
}
