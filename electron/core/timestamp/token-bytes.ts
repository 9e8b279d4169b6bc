/** A .tsr file holds a TimeStampResp (what openssl and most TSAs write) or a bare TimeStampToken: accept both. */
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';
import { looksLikeResponse, parseTimestampResponse } from '../tsa/timestamp-token';

export function tokenFromFileBytes(bytes: Uint8Array): Uint8Array {
  if (!looksLikeResponse(bytes)) return bytes;
  const r = parseTimestampResponse(bytes);
  if (r.status > 1 || !r.token) {
    throw new SigilloError(
      'TIMESTAMP_NOT_GRANTED',
      t(
        {
          it: 'Il file contiene una risposta negativa del servizio di marca temporale (stato {s}).',
          en: 'The file holds a negative answer from the time-stamping service (status {s}).',
        },
        { s: r.status },
      ),
    );
  }
  return r.token;
}
