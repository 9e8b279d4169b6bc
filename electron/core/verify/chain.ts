/** Builds the certification path from the signer certificate up to a trust anchor. */
import type { TrustAnchor } from '../trust/trust-source';
import type { TrustStore } from '../trust/trust-store';
import { issued, isSelfIssued, type ParsedCert } from './certificates';

export interface BuiltChain {
  /** signer first; the anchor (when found) last */
  certs: ParsedCert[];
  anchor?: TrustAnchor;
}

const MAX_DEPTH = 12;

/** `at`: the time trusted-list anchors must be in force (the signing time). */
export function buildChain(signer: ParsedCert, pool: ParsedCert[], trust: TrustStore, at?: Date): BuiltChain {
  const certs = [signer];
  let current = signer;
  for (let i = 0; i < MAX_DEPTH; i++) {
    const anchor = trust.anchorFor(current.x509, at);
    if (anchor) return { certs, anchor };
    if (isSelfIssued(current)) break;
    const candidates = pool.filter((c) => !certs.includes(c) && issued(c, current));
    const next = candidates.find((c) => trust.anchorFor(c.x509, at)) ?? candidates[0];
    if (!next) break;
    certs.push(next);
    current = next;
  }
  return { certs };
}
