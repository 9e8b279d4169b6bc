/**
 * A timestamp asked of a TSA and accepted: the protocol client (tsa/tsa-client.ts) checks status, hash algorithm,
 * nonce and imprint; here the token's signature must verify and the TSA certificate must carry the timeStamping
 * extended key usage.
 */
import type { DigestName } from '../crypto/key-signer';
import { fetchTimestamp, type ObtainedTimestamp, type TsaConfig } from '../tsa/tsa-client';
import { tsaError } from '../tsa/tsa-errors';
import { checkTimestampToken } from './token-check';

export async function requestTimestamp(
  cfg: TsaConfig,
  digest: DigestName,
  hash: Uint8Array,
): Promise<ObtainedTimestamp> {
  const obtained = await fetchTimestamp(cfg, digest, hash);
  const report = await checkTimestampToken(obtained.token, (h) => (h === digest ? hash : undefined));
  if (!report.imprintMatches) throw tsaError('TSA_MISMATCH', { what: 'imprint' });
  if (report.integrity !== 'valid') throw tsaError('TSA_SIGNATURE_INVALID');
  if (report.subIndication === 'CHAIN_CONSTRAINTS_FAILURE') throw tsaError('TSA_NOT_TIMESTAMPING');
  return obtained;
}
