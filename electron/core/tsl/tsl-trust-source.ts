/**
 * The trust source of the cached EU trusted lists: the certificates of CA/QC services, each an anchor during
 * the periods its status was granted, qualified where the service issues qualified certificates for
 * e-signatures. Reads the cache only: never touches the network.
 */
import type { TrustAnchor, TrustSource } from '../trust/trust-source';
import { TslCache } from './tsl-cache';
import { anchorPeriods, periodAt } from './tsl-periods';
import type { TrustedList } from './tsl-types';

export function anchorsOfList(list: TrustedList): TrustAnchor[] {
  const anchors: TrustAnchor[] = [];
  for (const service of list.services) {
    const periods = anchorPeriods(service);
    if (periods.length === 0) continue;
    for (const b64 of service.identity.certificates) {
      anchors.push({
        der: new Uint8Array(Buffer.from(b64, 'base64')),
        source: `tl:${list.territory}`,
        qualified: periods[periods.length - 1]?.qualified,
        qualifications: periods[periods.length - 1]?.qualifications,
        periods,
      });
    }
  }
  return anchors;
}

/** Anchors for a given time keep only those in force then (qualified as of then); without a time, all of them. */
export function anchorsAt(anchors: TrustAnchor[], at?: Date): TrustAnchor[] {
  if (!at) return anchors;
  return anchors.flatMap((a) => {
    const p = periodAt(a.periods ?? [], at);
    return p ? [{ ...a, qualified: p.qualified, qualifications: p.qualifications }] : [];
  });
}

export function trustedListSource(env: NodeJS.ProcessEnv = process.env): TrustSource {
  let loaded: Promise<TrustAnchor[]> | undefined;
  return {
    name: 'trusted-lists',
    async anchors(at?: Date) {
      loaded ??= TslCache.forEnv(env)
        .lists()
        .then((lists) => lists.flatMap((c) => anchorsOfList(c.list)));
      return anchorsAt(await loaded, at);
    },
  };
}
