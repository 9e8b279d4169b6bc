/**
 * The issuer chain a signature embeds: from the signer certificate up to, not including, the root (a
 * self-issued certificate), taken from the certificates the key came with (the token's CA certificates) and,
 * for what is missing, from the AIA caIssuers URLs (HTTP, bounded: see revocation/ca-issuers.ts). Never fails:
 * when an issuer cannot be found or fetched, the chain holds what was found.
 *
 * One walk, two readings of the certificates: first the light one (x509/chain-certs.ts: no pkijs, no network),
 * which gives the chain whenever the token's certificates complete it; when an issuer must be fetched, or the
 * light reading cannot decide, the walk runs again from the start with pkijs (x509/certificates.ts) and AIA
 * (issuer-chain-aia.ts, loaded then) — the same answers, so the same chain either way.
 */
import type { KeySigner } from '../crypto/key-signer';
import { MAX_CANDIDATES, MAX_DEPTH } from '../x509/chain-limits';
import { parseCertificate } from '../x509/cert-info';
import {
  chainCertReader,
  isSelfIssued,
  issued,
  mayHaveIssued,
  Undecided,
  type ChainCert,
} from '../x509/chain-certs';

export interface IssuerChainOptions {
  /** fetch missing issuers from AIA caIssuers (default true) */
  aia?: boolean;
  /** per-fetch time limit, ms (default 5 s) */
  timeoutMs?: number;
}

/** What the walk asks of the certificates (x509/chain-certs.ts, or x509/certificates.ts with AIA fetching). */
export interface ChainReading<C extends { der: Uint8Array }> {
  /** the same bytes give the same object; undefined when it is no certificate */
  parse(der: Uint8Array): C | undefined;
  mayHaveIssued(issuer: C, child: C): boolean;
  issued(issuer: C, child: C): boolean;
  isSelfIssued(c: C): boolean;
  /** the certificates published at an AIA caIssuers URL (never throws but Undecided) */
  fetch(url: string): Promise<C[]>;
}

const MAX_AIA_FETCHES = 3;

function aiaUrls(der: Uint8Array): string[] {
  try {
    return parseCertificate(der)
      .caIssuersUrls.filter((u) => /^http:\/\//i.test(u))
      .slice(0, 2);
  } catch {
    return [];
  }
}

/** The walk itself: issuers from the pool (and from AIA when `aia`), nearest first, up to a self-issued one. */
export async function walkIssuers<C extends { der: Uint8Array }>(
  r: ChainReading<C>,
  certificate: Uint8Array,
  available: Uint8Array[],
  aia: boolean,
): Promise<Uint8Array[]> {
  let current = r.parse(certificate);
  if (!current) return [];
  const pool: C[] = [];
  for (const der of available) {
    const c = r.parse(der);
    if (c && !pool.includes(c)) pool.push(c);
  }
  const issuerIn = (child: C): C | undefined =>
    pool
      .filter((c) => c !== child && r.mayHaveIssued(c, child))
      .slice(0, MAX_CANDIDATES)
      .find((c) => r.issued(c, child));
  let fetches = 0;
  const out: Uint8Array[] = [];
  while (out.length < MAX_DEPTH && !r.isSelfIssued(current)) {
    let issuer = issuerIn(current);
    for (const url of aia ? aiaUrls(current.der) : []) {
      if (issuer || fetches >= MAX_AIA_FETCHES) break;
      fetches++;
      pool.push(...(await r.fetch(url)));
      issuer = issuerIn(current);
    }
    if (!issuer || r.isSelfIssued(issuer) || out.includes(issuer.der)) break;
    out.push(issuer.der);
    current = issuer;
  }
  return out;
}

/** The intermediates above `certificate`, nearest first, root excluded. */
export async function issuerChain(
  certificate: Uint8Array,
  available: Uint8Array[],
  o: IssuerChainOptions = {},
): Promise<Uint8Array[]> {
  const light: ChainReading<ChainCert> = {
    parse: chainCertReader(),
    mayHaveIssued,
    issued,
    isSelfIssued,
    fetch: () => Promise.reject(new Undecided()),
  };
  try {
    return await walkIssuers(light, certificate, available, o.aia !== false);
  } catch (e) {
    if (!(e instanceof Undecided)) throw e;
  }
  const { pkijsReading } = await import('./issuer-chain-aia.js');
  return walkIssuers(pkijsReading(o.timeoutMs ?? 5_000), certificate, available, o.aia !== false);
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
