/** The errors of the time-stamping client: stable codes, plain bilingual messages, never a credential. */
import { failureOf, type SigilloError } from '../errors';
import type { Params } from '../i18n/catalogue';

export type TsaErrorCode =
  | 'TSA_URL_MISSING'
  | 'TSA_URL_INVALID'
  | 'TSA_UNREACHABLE'
  | 'TSA_TIMEOUT'
  | 'TSA_HTTP_ERROR'
  | 'TSA_AUTH_FAILED'
  | 'TSA_REJECTED'
  | 'TSA_BAD_RESPONSE'
  | 'TSA_MISMATCH'
  | 'TSA_NOT_TIMESTAMPING'
  | 'TSA_SIGNATURE_INVALID';

export function tsaError(code: TsaErrorCode, params: Params = {}): SigilloError {
  return failureOf(code, params);
}
