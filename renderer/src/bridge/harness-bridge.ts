/**
 * Harness builds only (`vite build --mode harness`): implements `window.sigillo` over the loopback harness's
 * WebSocket (electron/harness/). The session token comes from the <meta name="sigillo-harness-token"> the
 * harness puts in index.html (or ?token=). Dropped files are uploaded to the harness to get a path.
 * Never imported by the Electron build: there the preload provides `window.sigillo`.
 */
import type { ApiTransport, FileLike, Result, SigilloApi } from '../../../shared/api';
import { createSigilloApi } from '../../../shared/client';
import type { InvokeMethod } from '../../../shared/contract';
import type { EventName } from '../../../shared/schemas/events';

type Waiter = (result: Result<unknown>) => void;

function sessionToken(): string {
  const meta = document.querySelector('meta[name="sigillo-harness-token"]');
  return meta?.getAttribute('content') || new URLSearchParams(location.search).get('token') || '';
}

function disconnected(): Result<never> {
  return { ok: false, error: { code: 'HARNESS_DISCONNECTED', message: 'Harness connection lost.' } };
}

export function createHarnessTransport(token = sessionToken()): ApiTransport {
  const socket = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true));
    socket.addEventListener('error', () => resolve(false));
  });
  const waiting = new Map<number, Waiter>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (e: MessageEvent<string>) => {
    const msg = JSON.parse(e.data) as
      | { type: 'result'; id: number; result: Result<unknown> }
      | { type: 'event'; event: EventName; payload: unknown };
    if (msg.type === 'result') {
      waiting.get(msg.id)?.(msg.result);
      waiting.delete(msg.id);
    } else {
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const w of waiting.values()) w(disconnected());
    waiting.clear();
  });

  return {
    async invoke(method: InvokeMethod, request: unknown) {
      if (!(await opened) || socket.readyState !== WebSocket.OPEN) return disconnected();
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ type: 'invoke', id, method, request }));
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    async pathsForFiles(files: readonly FileLike[]) {
      const paths: string[] = [];
      for (const file of files) {
        const res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'x-sigillo-token': token },
          body: file as unknown as Blob,
        });
        if (!res.ok)
          return { ok: false, error: { code: 'UPLOAD_FAILED', message: `Upload failed: ${file.name}` } };
        paths.push(((await res.json()) as { path: string }).path);
      }
      return { ok: true, value: paths };
    },
  };
}

/** Creates the API and installs it as `window.sigillo` (what the preload does in Electron). */
export function installHarnessBridge(): SigilloApi {
  const api = createSigilloApi(createHarnessTransport());
  (window as unknown as { sigillo: SigilloApi }).sigillo = api;
  return api;
}
