/**
 * Chain completion (AIA caIssuers): when the chain built from the file's certificates stops short of a trust
 * anchor, the issuer certificates the top certificate publishes are fetched (revocation/ca-issuers.ts, through
 * the run's revocation checker: cache, offline) and the chain is built again. At most MAX_AIA_ROUNDS fetches
 * up the chain, MAX_AIA_URLS URLs per certificate; the signature-check budget of the file is shared.
 */
import { parseCertificate } from '../x509/cert-info';
import type { RevocationChecker } from '../revocation/revocation-checker';
import type { TrustStore } from '../trust/trust-store';
import { buildChain, chainBudget, type BuiltChain } from './chain';
import { isSelfIssued, type ParsedCert } from '../x509/certificates';
import { chainKey, knownChain, rememberChain } from './chain-memo';

export const MAX_AIA_ROUNDS = 4;
const MAX_AIA_URLS = 2;

export interface CompletionContext {
  pool: ParsedCert[];
  trust: TrustStore;
  revocation?: RevocationChecker;
}

function caIssuersUrls(c: ParsedCert): string[] {
  try {
    return parseCertificate(c.der)
      .caIssuersUrls.filter((u) => /^http:\/\//i.test(u))
      .slice(0, MAX_AIA_URLS);
  } catch {
    return [];
  }
}

/** the chain completeChain would give, when this run already built it (no promise to wait for) */
export function rememberedChain(
  signer: ParsedCert,
  ctx: CompletionContext,
  at?: Date,
): BuiltChain | undefined {
  return knownChain(ctx.trust, chainKey(signer, ctx.pool, ctx.trust, at));
}

export async function completeChain(
  signer: ParsedCert,
  ctx: CompletionContext,
  at?: Date,
): Promise<BuiltChain> {
  const key = chainKey(signer, ctx.pool, ctx.trust, at);
  const known = knownChain(ctx.trust, key);
  if (known) return known;
  const budget = chainBudget(ctx.pool);
  const left = budget.left;
  let pool = ctx.pool;
  let built = buildChain(signer, pool, ctx.trust, at, budget);
  // with no budget left an unknown issuer pair is skipped, not checked: such a search is not remembered
  rememberChain(ctx.trust, key, built, left <= 0 || budget.left !== left);
  const fetchIssuers = ctx.revocation?.caIssuers?.bind(ctx.revocation);
  for (let round = 0; round < MAX_AIA_ROUNDS && !built.anchor && fetchIssuers; round++) {
    const top = built.certs[built.certs.length - 1] as ParsedCert;
    if (isSelfIssued(top)) break;
    const got = (await Promise.all(caIssuersUrls(top).map((u) => fetchIssuers(u)))).flat();
    const known = new Set(pool.map((p) => p.fingerprint));
    const fresh = got.filter((c) => !known.has(c.fingerprint));
    if (fresh.length === 0) break;
    pool = [...pool, ...fresh];
    built = buildChain(signer, pool, ctx.trust, at, budget);
  }
  return built;
}
