/** What the verification engine needs from the revocation layer. */
import type { ParsedCert } from '../x509/certificates';
import type { RevocationReport } from './revocation-report';

export interface RevocationChecker {
  /**
   * Revocation status of `cert` (issued by `issuer`): OCSP first, then CRL; never throws. `after`: the time from
   * which a "good" answer must speak (the best signature time of the signing certificate, ETSI EN 319 102-1
   * §5.2.5): revocation data carried in the file issued before it is not enough on its own.
   */
  check(cert: ParsedCert, issuer: ParsedCert, after?: Date): Promise<RevocationReport>;
  /** Chain completion: the certificates published at an AIA caIssuers URL (empty on failure; never throws). */
  caIssuers?(url: string): Promise<ParsedCert[]>;
}

/** A report without an answer: `not_checked` (no checker) or `unknown` (no valid answer found). */
export function noAnswer(status: 'not_checked' | 'unknown', message: string): RevocationReport {
  return {
    status,
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

export const notChecked = (message: string): RevocationReport => noAnswer('not_checked', message);
