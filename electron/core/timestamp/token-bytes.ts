/** A .tsr file holds a TimeStampResp (what openssl and most TSAs write) or a bare TimeStampToken: accept both. */
import { failure } from '../errors';
import { looksLikeResponse, parseTimestampResponse } from '../tsa/timestamp-token';

export function tokenFromFileBytes(bytes: Uint8Array): Uint8Array {
  if (!looksLikeResponse(bytes)) return bytes;
  const r = parseTimestampResponse(bytes);
  if (r.status > 1 || !r.token) {
    throw failure('TIMESTAMP_NOT_GRANTED', { s: r.status });
  }
  return r.token;
}
