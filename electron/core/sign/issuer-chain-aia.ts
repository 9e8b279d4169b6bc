/**
 * The chain walk's full reading (sign/issuer-chain.ts): certificates through pkijs (x509/certificates.ts), missing
 * issuers fetched from AIA caIssuers through a revocation source (memoised per walk, disk cache, bounded time).
 * Loaded only when the light reading could not complete the chain from the token's certificates.
 */
import { fetchCaIssuers } from '../revocation/ca-issuers';
import { RevocationSource } from '../revocation/revocation-source';
import { issued, isSelfIssued, mayHaveIssued, parseCert, type ParsedCert } from '../x509/certificates';
import type { ChainReading } from './issuer-chain';

export function pkijsReading(timeoutMs: number): ChainReading<ParsedCert> {
  let source: RevocationSource | undefined;
  return {
    parse: parseCert,
    mayHaveIssued,
    issued,
    isSelfIssued,
    fetch(url) {
      source ??= new RevocationSource({
        offline: false,
        fetch: { totalTimeoutMs: timeoutMs, connectTimeoutMs: timeoutMs },
        now: () => new Date(),
      });
      return fetchCaIssuers(url, source).catch(() => []);
    },
  };
}
