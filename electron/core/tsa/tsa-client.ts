/**
 * RFC 3161 protocol client: builds the request (SHA-2 imprint, random nonce, certReq), posts it, and accepts the
 * answer only when the status is granted and the hash algorithm, nonce and imprint are those sent. It does not
 * verify the token's signer: verify/requested-timestamp.ts does, on top of this. Never retries on its own.
 */
import type { DigestName } from '../crypto/key-signer';
import { OID_BY_HASH } from '../cms/algorithm-oids';
import { equalBytes } from '../cms/bytes';
import { parseTimestampResponse, parseTimestampToken, type TimestampToken } from './timestamp-token';
import { tsaError } from './tsa-errors';
import { postTimestampQuery } from './tsa-http';
import type { TsaConfig } from './tsa-config';

export { tsaConfigFrom, type TsaConfig } from './tsa-config';
import { buildTimestampRequest } from './tsa-request';

export interface ObtainedTimestamp {
  token: TimestampToken;
  /** the TimeStampResp bytes as received (what a .tsr file holds) */
  response: Uint8Array;
}

const STATUS_NAMES = [
  'granted',
  'grantedWithMods',
  'rejection',
  'waiting',
  'revocationWarning',
  'revocationNotification',
];

/** The protocol half of a timestamp request; `requestTimestamp` (verify/) adds the signer verification. */
export async function fetchTimestamp(
  cfg: TsaConfig,
  digest: DigestName,
  hash: Uint8Array,
): Promise<ObtainedTimestamp> {
  const req = buildTimestampRequest(digest, hash);
  const response = await postTimestampQuery(cfg.url, req.der, { ...cfg.http, credentials: cfg.credentials });
  let parsed;
  try {
    parsed = parseTimestampResponse(response);
  } catch {
    throw tsaError('TSA_BAD_RESPONSE', { reason: 'not a TimeStampResp' });
  }
  if (parsed.status > 1) {
    const name = STATUS_NAMES[parsed.status] ?? String(parsed.status);
    throw tsaError('TSA_REJECTED', { status: name, text: parsed.statusText ? `: ${parsed.statusText}` : '' });
  }
  if (!parsed.token) throw tsaError('TSA_BAD_RESPONSE', { reason: 'no timeStampToken' });
  let token: TimestampToken;
  try {
    token = parseTimestampToken(parsed.token);
  } catch {
    throw tsaError('TSA_BAD_RESPONSE', { reason: 'unreadable timeStampToken' });
  }
  if (token.info.nonce !== req.nonce) throw tsaError('TSA_MISMATCH', { what: 'nonce' });
  if (token.info.hashOid !== OID_BY_HASH[digest]) throw tsaError('TSA_MISMATCH', { what: 'hash algorithm' });
  if (token.certificates.length === 0) throw tsaError('TSA_BAD_RESPONSE', { reason: 'no TSA certificate' });
  if (!equalBytes(token.info.imprint, hash)) throw tsaError('TSA_MISMATCH', { what: 'imprint' });
  return { token, response };
}
