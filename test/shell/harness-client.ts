/** A Node client speaking the harness protocol (what renderer/src/bridge/harness-bridge.ts does in the page). */
import WebSocket from 'ws';
import type { Result } from '../../shared/api';

export interface HarnessClient {
  invoke(method: string, request: unknown): Promise<Result<unknown>>;
  events: { event: string; payload: unknown }[];
  close(): void;
}

export function connect(
  port: number,
  token: string,
  origin = `http://127.0.0.1:${port}`,
): Promise<HarnessClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`, { origin });
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  const events: { event: string; payload: unknown }[] = [];
  let next = 1;
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as {
      type: string;
      id?: number;
      result?: Result<unknown>;
      event?: string;
      payload?: unknown;
    };
    if (msg.type === 'result' && msg.id !== undefined && msg.result) waiting.get(msg.id)?.(msg.result);
    if (msg.type === 'event' && msg.event) events.push({ event: msg.event, payload: msg.payload });
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({
        invoke: (method, request) =>
          new Promise((res) => {
            const id = next++;
            waiting.set(id, res);
            ws.send(JSON.stringify({ type: 'invoke', id, method, request }));
          }),
        events,
        close: () => ws.close(),
      }),
    );
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}
