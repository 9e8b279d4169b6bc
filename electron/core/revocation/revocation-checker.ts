/** What the verification engine needs from the revocation layer. */
import type { ParsedCert } from '../verify/certificates';
import type { RevocationReport } from '../verify/types';

export interface RevocationChecker {
  /** Revocation status of `cert` (issued by `issuer`): OCSP first, then CRL; never throws. */
  check(cert: ParsedCert, issuer: ParsedCert): Promise<RevocationReport>;
}

export function notChecked(message: string): RevocationReport {
  return {
    status: 'not_checked',
    source: null,
    url: null,
    cached: false,
    revocationTime: null,
    revocationReason: null,
    thisUpdate: null,
    nextUpdate: null,
    message,
  };
}
