/**
 * A test double of `window.sigillo` built with shared/client's createSigilloApi over an in-memory transport:
 * every answer is checked against the contract's response schema (validateResponse), so the fakes cannot drift
 * from the shared types; every request is checked against the request schema like the main process does.
 */
import { createSigilloApi } from '../../../shared/client';
import type { ApiTransport, Result, SigilloApi } from '../../../shared/api';
import type { InvokeMethod } from '../../../shared/contract';
import type { EventName, EventPayload } from '../../../shared/schemas/events';
import { validateRequest, validateResponse } from '../../../shared/validate';
import { SETTINGS } from './fixtures';

type Handler = (request: never) => unknown;
export type Handlers = Partial<Record<InvokeMethod, Handler>>;

export interface FakeBridge {
  api: SigilloApi;
  /** every request, in order (method + validated request) */
  calls: { method: InvokeMethod; request: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  set(method: InvokeMethod, handler: Handler): void;
}

const DEFAULTS: Handlers = {
  appInfo: () => ({
    name: 'Sigillo',
    version: '0.1.0',
    platform: 'linux',
    host: 'harness',
    osLanguage: 'it',
    userDataDir: '/home/u/.config/sigillo',
  }),
  getSettings: () => SETTINGS,
  listTokens: () => ({ module: '/usr/lib/libbit4xpki.so', tokens: [] }),
  renewalStatus: () => ({ enabled: true, snoozedUntil: null, pending: [], remembered: 0 }),
  snoozeReminder: () => ({ ok: true }),
  setReminders: () => ({ ok: true }),
  cancel: () => ({ ok: true }),
  // fresh lists: no background update unless a test says otherwise
  trustStatus: () => ({
    lastUpdate: new Date().toISOString(),
    ageDays: 0,
    lists: 27,
    services: 310,
    anchors: 120,
    failures: [],
    stale: false,
  }),
  // nothing exists yet and every file fits its format (tests of the checks before the PIN override it)
  planSign: (req: { files: string[] }) => ({
    files: req.files.map((file) => ({
      file,
      format: file.endsWith('.pdf') ? 'pades' : 'cades',
      output: `${file}.p7m`,
      exists: false,
      freeName: null,
      error: null,
    })),
  }),
  showItemInFolder: () => ({ ok: true }),
  openExternal: () => ({ ok: true }),
};

/** A handler may return `{ error: {code, message} }` to answer with a failed Result. */
export function failure(code: string, message: string) {
  return { __error: { code, message } };
}

export function fakeBridge(handlers: Handlers = {}): FakeBridge {
  const table: Handlers = { ...DEFAULTS, ...handlers };
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
  const transport: ApiTransport = {
    async invoke(method, request) {
      const checked = validateRequest(method, request);
      if (!checked.ok) throw new Error(`invalid request to ${method}: ${checked.error.message}`);
      calls.push({ method, request: checked.value.request });
      const handler = table[method];
      if (!handler) throw new Error(`no fake for ${method}`);
      const value = await handler(checked.value.request as never);
      if (value && typeof value === 'object' && '__error' in value) {
        return { ok: false, error: (value as { __error: { code: string; message: string } }).__error };
      }
      const res = validateResponse(method, value);
      if (!res.ok) throw new Error(`fake answer for ${method} breaks the contract: ${res.error.message}`);
      // like the main process: the answer goes out as the handler made it (checked, not re-shaped)
      return { ok: true, value } as Result<unknown>;
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    async pathsForFiles(files) {
      return { ok: true, value: files.map((f) => `/home/u/Documenti/${f.name}`) };
    },
  };
  return {
    api: createSigilloApi(transport),
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    set: (method, handler) => {
      table[method] = handler;
    },
  };
}
