/**
 * The EU trusted lists for the app (issue 21 flow 6): their state (read from the cache, no network) and an
 * update (LOTL, then every member-state list), run here in the worker so the window never waits; each list
 * done is a progress event (file = territory, fileIndex / fileCount).
 */
import { trustStatus } from '../../core/tsl/tsl-status';
import { updateTrustedLists } from '../../core/tsl/tsl-update';
import type { TrustState } from '../../../shared/schemas/trust';
import type { WorkerOp } from '../op-types';

const DAY_MS = 86_400_000;

/** How old the lists may get before the app refreshes them by itself. */
export const TRUST_MAX_AGE_DAYS = 7;

export async function trustState(now = new Date()): Promise<TrustState> {
  const s = await trustStatus(process.env, now);
  const ageDays = s.lastUpdate ? Math.floor((now.getTime() - Date.parse(s.lastUpdate)) / DAY_MS) : null;
  return {
    lastUpdate: s.lastUpdate,
    ageDays,
    lists: s.lists.length,
    services: s.lists.reduce((n, l) => n + l.services, 0),
    anchors: s.lists.reduce((n, l) => n + l.anchors, 0),
    failures: s.failures,
    stale: s.stale || ageDays === null || ageDays >= TRUST_MAX_AGE_DAYS,
  };
}

export const trustStatusOp: WorkerOp<'trustStatus'> = async () => trustState();

export const trustUpdateOp: WorkerOp<'trustUpdate'> = async (_params, ctx) => {
  let total = 1;
  let done = 0;
  const step = (territory: string) =>
    ctx.progress({
      file: territory,
      fileIndex: Math.min(done, total - 1),
      fileCount: total,
      bytesDone: done,
      bytesTotal: total,
      phase: done >= total ? 'done' : 'working',
    });
  // a LOTL that cannot be fetched or verified throws: the page shows the error and the last good state
  await updateTrustedLists({
    onLotl: (r) => {
      total = Math.max(1, r.lists);
      step('EU');
    },
    onList: (r) => {
      done += 1;
      step(r.territory);
    },
  });
  return trustState();
};
