/**
 * The EU trusted lists as the page knows them: their state, an update in progress (lists done / total, from
 * progress events) and its error. The update runs in the card worker; the page never waits on it. At start the
 * app refreshes the lists by itself when they are stale (never updated, older than 7 days).
 */
import { create } from 'zustand';
import type { SigilloApi } from '../../../shared/api';
import type { ErrorInfo } from '../../../shared/schemas/common';
import type { TrustState } from '../../../shared/schemas/trust';
import { call, newOperationId } from '../bridge';

export interface TrustStore {
  state: TrustState | null;
  updating: boolean;
  progress: { done: number; total: number } | null;
  error: ErrorInfo | null;
}

export const useTrust = create<TrustStore>()(() => ({
  state: null,
  updating: false,
  progress: null,
  error: null,
}));

export async function loadTrust(sigillo: SigilloApi): Promise<TrustState | null> {
  const r = await call(() => sigillo.trustStatus({}));
  if (r.ok) useTrust.setState({ state: r.value });
  return r.ok ? r.value : null;
}

/** One update at a time; resolves when it ends (the caller need not wait). */
export async function updateTrust(sigillo: SigilloApi): Promise<void> {
  if (useTrust.getState().updating) return;
  const operationId = newOperationId();
  useTrust.setState({ updating: true, progress: null, error: null });
  const off = sigillo.on('progress', (e) => {
    if (e.operationId === operationId)
      useTrust.setState({ progress: { done: e.bytesDone, total: e.bytesTotal } });
  });
  try {
    const r = await call(() => sigillo.updateTrust({ operationId }));
    if (r.ok) useTrust.setState({ state: r.value });
    else {
      useTrust.setState({ error: r.error });
      await loadTrust(sigillo);
    }
  } finally {
    off();
    useTrust.setState({ updating: false, progress: null });
  }
}

/** At start: read the state, and refresh in the background when stale. */
export async function autoRefreshTrust(sigillo: SigilloApi): Promise<void> {
  const state = await loadTrust(sigillo);
  if (state?.stale) await updateTrust(sigillo);
}
