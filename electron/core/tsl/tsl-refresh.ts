/**
 * For the app at start: refresh the trusted lists in the background only when the cache is empty or stale.
 * Never throws (a failed refresh leaves the cache as it was; the outcome is returned for logging).
 */
import { toErrorInfo, type ErrorInfo } from '../errors';
import { trustStatus } from './tsl-status';
import { updateTrustedLists, type UpdateResult } from './tsl-update';

export type RefreshOutcome =
  | { refreshed: false; reason: 'fresh' }
  | { refreshed: true; result: UpdateResult }
  | { refreshed: false; reason: 'failed'; error: ErrorInfo };

export async function refreshTrustedListsIfStale(
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): Promise<RefreshOutcome> {
  try {
    if (!(await trustStatus(env, now)).stale) return { refreshed: false, reason: 'fresh' };
    return { refreshed: true, result: await updateTrustedLists({ env }) };
  } catch (e) {
    return { refreshed: false, reason: 'failed', error: toErrorInfo(e) };
  }
}
