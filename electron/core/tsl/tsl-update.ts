/**
 * `trust update`: the LOTL (verified with the Official Journal certificates or SIGILLO_LOTL_TRUST), then every
 * member-state list it points to, each verified with the certificates its pointer announces. A list that fails
 * keeps its previous cached copy; an older sequence number than the cached one is refused (rollback).
 */
import { failure, toErrorInfo } from '../errors';
import { lotlSigners, lotlUrl } from './lotl-signers';
import { TslCache, type CachedList, type UpdateFailure } from './tsl-cache';
import { fetchVerifiedList } from './tsl-download';
import { fetchLotl } from './tsl-pivots';
import { TSL_MIME_XML } from './tsl-namespaces';
import type { OtherTslPointer } from './tsl-types';

export interface ListResult {
  territory: string;
  url: string;
  ok: boolean;
  sequenceNumber: number | null;
  issueDate: string | null;
  nextUpdate: string | null;
  services: number | null;
  error: { code: string; message: string } | null;
}

export interface UpdateResult {
  /** `lists`: how many member-state lists it points to */
  lotl: ListResult & { signer: string; signersOrigin: string; lists: number };
  lists: ListResult[];
}

export interface UpdateOptions {
  env?: NodeJS.ProcessEnv;
  /** lists downloaded at the same time */
  parallelism?: number;
  onLotl?: (r: UpdateResult['lotl']) => void;
  onList?: (r: ListResult) => void;
}

/** The XML member-state lists a LOTL points to, one per territory (the LOTL's own pivots left out). */
export function memberStatePointers(lotl: CachedList): OtherTslPointer[] {
  const seen = new Set<string>();
  return lotl.list.pointers.filter((p) => {
    const xml = p.mimeType ? p.mimeType === TSL_MIME_XML : p.location.toLowerCase().endsWith('.xml');
    const own = p.territory === lotl.list.territory || p.tslType.endsWith('listofthelists');
    if (!xml || own || !p.territory || !p.location || seen.has(p.territory)) return false;
    seen.add(p.territory);
    return true;
  });
}

function okResult(c: CachedList): ListResult {
  const l = c.list;
  return {
    territory: l.territory,
    url: c.url,
    ok: true,
    sequenceNumber: l.sequenceNumber,
    issueDate: l.issueDate,
    nextUpdate: l.nextUpdate,
    services: l.services.length,
    error: null,
  };
}

/** Refuses a list older (lower sequence number) than the cached copy: TSL_ROLLBACK. */
function checkNotOlder(fetched: CachedList, cached: CachedList | undefined): void {
  const have = cached?.list.sequenceNumber ?? 0;
  const got = fetched.list.sequenceNumber;
  if (got < have) {
    const territory = fetched.list.territory;
    throw failure('TSL_ROLLBACK', { territory, got, have });
  }
}

async function updateOne(p: OtherTslPointer, cache: TslCache): Promise<ListResult> {
  try {
    const allowed = p.certificates.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
    const fetched = await fetchVerifiedList(p.location, allowed, `TSL ${p.territory}`);
    if (fetched.list.territory !== p.territory) {
      const params = { url: p.location, got: fetched.list.territory, want: p.territory };
      throw failure('TSL_TERRITORY_MISMATCH', params);
    }
    checkNotOlder(fetched, await cache.list(p.territory));
    await cache.saveList(fetched);
    return okResult(fetched);
  } catch (e) {
    const info = toErrorInfo(e);
    return {
      territory: p.territory,
      url: p.location,
      ok: false,
      sequenceNumber: null,
      issueDate: null,
      nextUpdate: null,
      services: null,
      error: { code: info.code, message: info.message },
    };
  }
}

async function inParallel<T, R>(items: T[], n: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** Downloads and verifies the LOTL and the lists it points to; throws only when the LOTL itself fails. */
export async function updateTrustedLists(o: UpdateOptions = {}): Promise<UpdateResult> {
  const env = o.env ?? process.env;
  const cache = TslCache.forEnv(env);
  const signers = lotlSigners(env);
  const url = lotlUrl(env);
  const { lotl, pivots: followed } = await fetchLotl(url, signers.certificates);
  checkNotOlder(lotl, await cache.lotl());
  await cache.saveLotl(lotl);
  const pointers = memberStatePointers(lotl);
  const lotlResult = {
    ...okResult(lotl),
    signer: lotl.signer,
    signersOrigin: followed.length ? `${signers.origin} + pivots ${followed.join(' ')}` : signers.origin,
    lists: pointers.length,
  };
  o.onLotl?.(lotlResult);
  const lists = await inParallel(pointers, o.parallelism ?? 4, async (p) => {
    const r = await updateOne(p, cache);
    o.onList?.(r);
    return r;
  });
  const failures: UpdateFailure[] = lists
    .filter((r) => r.error)
    .map((r) => ({
      territory: r.territory,
      url: r.url,
      code: r.error?.code ?? '',
      message: r.error?.message ?? '',
    }));
  await cache.saveUpdate({ updatedAt: new Date().toISOString(), lotlUrl: url, failures });
  return { lotl: lotlResult, lists };
}
