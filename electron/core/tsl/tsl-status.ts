/** `trust status`: what the cache holds, list by list, and which lists are stale (past their nextUpdate). */
import { X509Certificate } from 'node:crypto';
import { TslCache, type CachedList, type UpdateFailure } from './tsl-cache';
import { anchorsOfList } from './tsl-trust-source';

export interface ListStatus {
  territory: string;
  url: string;
  sequenceNumber: number;
  issueDate: string;
  nextUpdate: string | null;
  fetchedAt: string;
  signer: string;
  services: number;
  /** CA/QC certificates usable as trust anchors (at any time of their history) */
  anchors: number;
  stale: boolean;
}

export interface TrustStatus {
  cacheDir: string;
  lotl: ListStatus | null;
  lists: ListStatus[];
  /** lists that failed in the last update */
  failures: UpdateFailure[];
  lastUpdate: string | null;
  /** no list cached, or some list stale */
  stale: boolean;
}

function listStatus(c: CachedList, now: Date): ListStatus {
  const next = c.list.nextUpdate ? new Date(c.list.nextUpdate) : null;
  return {
    territory: c.list.territory,
    url: c.url,
    sequenceNumber: c.list.sequenceNumber,
    issueDate: c.list.issueDate,
    nextUpdate: c.list.nextUpdate,
    fetchedAt: c.fetchedAt,
    signer: c.signer,
    services: c.list.services.length,
    anchors: anchorsOfList(c.list).filter((a) => isCertificate(a.der)).length,
    stale: next === null || next.getTime() <= now.getTime(),
  };
}

function isCertificate(der: Uint8Array): boolean {
  try {
    new X509Certificate(der);
    return true;
  } catch {
    return false;
  }
}

export async function trustStatus(
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): Promise<TrustStatus> {
  const cache = TslCache.forEnv(env);
  const [lotl, lists, last] = await Promise.all([cache.lotl(), cache.lists(), cache.lastUpdate()]);
  const statuses = lists.map((c) => listStatus(c, now));
  const lotlStatus = lotl ? listStatus(lotl, now) : null;
  return {
    cacheDir: cache.dir,
    lotl: lotlStatus,
    lists: statuses,
    failures: last?.failures ?? [],
    lastUpdate: last?.updatedAt ?? null,
    stale: !lotlStatus || lotlStatus.stale || statuses.length === 0 || statuses.some((s) => s.stale),
  };
}
