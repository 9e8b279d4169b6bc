/**
 * The page's only way out: `window.sigillo` (the SigilloApi from shared/), set by the Electron preload or by the
 * loopback harness bridge. Nothing else in the renderer touches Node, Electron or the network.
 */
import type { Result, SigilloApi } from '../../../shared/api';
import type { ErrorInfo } from '../../../shared/schemas/common';

declare global {
  interface Window {
    sigillo?: SigilloApi;
  }
}

export function api(): SigilloApi {
  const bridge = window.sigillo;
  if (!bridge) throw new Error('window.sigillo is not available');
  return bridge;
}

/** Waits for the bridge (the harness may install it a moment after the page loads). */
export function waitForBridge(timeoutMs = 10_000): Promise<SigilloApi | null> {
  const start = Date.now();
  return new Promise((resolve) => {
    const tick = () => {
      if (window.sigillo) resolve(window.sigillo);
      else if (Date.now() - start > timeoutMs) resolve(null);
      else setTimeout(tick, 25);
    };
    tick();
  });
}

/** A fresh id for a long operation (progress events and cancel refer to it). */
export function newOperationId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Turns an unexpected rejection (bridge gone, bug) into the same `{code, message}` shape as a failed Result. */
export async function call<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    const error: ErrorInfo = { code: 'BRIDGE_FAILURE', message: e instanceof Error ? e.message : String(e) };
    return { ok: false, error };
  }
}
