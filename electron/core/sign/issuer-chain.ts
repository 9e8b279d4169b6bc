/**
 * The issuer chain a signature embeds: from the signer certificate up to, not including, the root (a
 * self-issued certificate), taken from the certificates the key came with (the token's CA certificates) and,
 * for what is missing, from the AIA caIssuers URLs (HTTP, bounded: see revocation/ca-issuers.ts). Never fails:
 * when an issuer cannot be found or fetched, the chain holds what was found.
 */
import type { KeySigner } from '../crypto/key-signer';
import { fetchCaIssuers } from '../revocation/ca-issuers';
import { RevocationSource } from '../revocation/revocation-source';
import {
  issued,
  isSelfIssued,
  mayHaveIssued,
  parseCert,
  parseCerts,
  type ParsedCert,
} from '../x509/certificates';
import { MAX_CANDIDATES, MAX_DEPTH } from '../verify/chain';
import { parseCertificate } from '../x509/cert-info';

export interface IssuerChainOptions {
  /** fetch missing issuers from AIA caIssuers (default true) */
  aia?: boolean;
  /** per-fetch time limit, ms (default 5 s) */
  timeoutMs?: number;
}

const MAX_AIA_FETCHES = 3;

function issuerIn(pool: ParsedCert[], child: ParsedCert): ParsedCert | undefined {
  return pool
    .filter((c) => c !== child && mayHaveIssued(c, child))
    .slice(0, MAX_CANDIDATES)
    .find((c) => issued(c, child));
}

function aiaUrls(c: ParsedCert): string[] {
  try {
    return parseCertificate(c.der)
      .caIssuersUrls.filter((u) => /^http:\/\//i.test(u))
      .slice(0, 2);
  } catch {
    return [];
  }
}

/** The intermediates above `certificate`, nearest first, root excluded. */
export async function issuerChain(
  certificate: Uint8Array,
  available: Uint8Array[],
  o: IssuerChainOptions = {},
): Promise<Uint8Array[]> {
  let current = parseCert(certificate);
  if (!current) return [];
  const pool = parseCerts(available);
  const source = new RevocationSource({
    offline: false,
    fetch: { totalTimeoutMs: o.timeoutMs ?? 5_000, connectTimeoutMs: o.timeoutMs ?? 5_000 },
    now: () => new Date(),
  });
  let fetches = 0;
  const out: Uint8Array[] = [];
  while (out.length < MAX_DEPTH && !isSelfIssued(current)) {
    let issuer = issuerIn(pool, current);
    for (const url of o.aia === false ? [] : aiaUrls(current)) {
      if (issuer || fetches >= MAX_AIA_FETCHES) break;
      fetches++;
      pool.push(...(await fetchCaIssuers(url, source).catch(() => [])));
      issuer = issuerIn(pool, current);
    }
    if (!issuer || isSelfIssued(issuer) || out.includes(issuer.der)) break;
    out.push(issuer.der);
    current = issuer;
  }
  return out;
}

/** `signer` with its chain replaced by the issuer chain (token certificates first, then AIA). */
export async function withIssuerChain(signer: KeySigner, o: IssuerChainOptions = {}): Promise<KeySigner> {
  const chain = await issuerChain(signer.certificate, signer.chain, o);
  return {
    certificate: signer.certificate,
    chain,
    keyAlgorithm: signer.keyAlgorithm,
    sign: (digest, data) => signer.sign(digest, data),
  };
}
