/**
 * The loopback browser harness (tests and demos; never packaged): serves the built renderer on
 * http://127.0.0.1:PORT and backs `window.sigillo` with the SAME IPC handlers (dispatchInvoke) over a
 * WebSocket at /ws. The page, the WebSocket and uploads need the random session token; Host must be loopback
 * (no DNS rebinding); the WebSocket and uploads accept only the page's own origin. The static assets (the
 * public renderer build, the same files every package ships) are served without the token: they hold no data.
 * A bad WebSocket frame closes that connection only (1002 protocol error, 1009 message too big).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../../shared/schemas/events';
import { dispatchInvoke } from '../shell/ipc/dispatch';
import type { ShellContext } from '../shell/ipc/context';
import type { ShellLog } from '../shell/ipc/shell-log';
import { makeHarnessContext } from './harness-context';
import {
  hostAllowed,
  isLoopbackAddress,
  newSessionToken,
  originAllowed,
  tokenMatches,
} from './harness-security';
import { indexWithToken, staticFile } from './static-files';
import { handleUpload, UPLOAD_PATH } from './upload';
import { DOWNLOAD_PREFIX, DownloadShelf } from './downloads';
import { removeOpenSession, sweepOpenFolders } from '../core/open/open-folder';

export interface HarnessOptions {
  /** 0: any free port */
  port: number;
  staticDir: string;
  userDataDir: string;
  outDir: string;
  workerEntry: string;
  workerEnv?: NodeJS.ProcessEnv;
  token?: string;
  log: ShellLog;
  version?: string;
  /** forward PC/SC reader/card events (needs pcscd) */
  watchCards?: boolean;
}

export interface Harness {
  url: string;
  port: number;
  token: string;
  ctx: ShellContext;
  /** URLs the page asked to open */
  opened: string[];
  close(): Promise<void>;
}

const MAX_MESSAGE = 2 * 1024 * 1024;

function deny(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function denyUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startHarness(o: HarnessOptions): Promise<Harness> {
  const token = o.token ?? newSessionToken();
  const sockets = new Set<WebSocket>();
  const opened: string[] = [];
  const downloads = new DownloadShelf(token);
  await sweepOpenFolders(o.userDataDir); // opened documents left by a harness that did not stop cleanly
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const text = JSON.stringify({ type: 'event', event, payload });
    for (const ws of sockets) ws.send(text);
  };
  const { ctx, worker } = makeHarnessContext({
    userDataDir: o.userDataDir,
    outDir: o.outDir,
    workerEntry: o.workerEntry,
    workerEnv: o.workerEnv ?? process.env,
    log: o.log,
    version: o.version ?? '0.0.0',
    emit,
    opened,
    watchCards: o.watchCards,
    downloads,
  });
  let port = o.port;

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch(() => deny(res, 500, 'error'));
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackAddress(req.socket.remoteAddress) || !hostAllowed(req.headers.host, port)) {
      return deny(res, 403, 'forbidden');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === UPLOAD_PATH) {
      if (
        !originAllowed(req.headers.origin, port) ||
        !tokenMatches(token, String(req.headers['x-sigillo-token']))
      ) {
        return deny(res, 403, 'forbidden');
      }
      return handleUpload(req, res, o.outDir);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'method not allowed');
    if (url.pathname.startsWith(DOWNLOAD_PREFIX) && req.method === 'GET') {
      if (!tokenMatches(token, url.searchParams.get('token'))) return deny(res, 403, 'forbidden');
      const file = downloads.take(url.pathname.slice(DOWNLOAD_PREFIX.length));
      if (!file) return deny(res, 404, 'not found');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      return pipeline(createReadStream(file.path), res);
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenMatches(token, url.searchParams.get('token')))
        return deny(res, 403, 'session token required');
      const html = await indexWithToken(o.staticDir, token);
      if (html === null)
        return deny(res, 404, 'renderer not built: run the renderer build (harness mode) first');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(html);
      return;
    }
    const file = await staticFile(o.staticDir, url.pathname);
    if (!file) return deny(res, 404, 'not found');
    res.writeHead(200, { 'content-type': file.type, 'x-content-type-options': 'nosniff' });
    res.end(await readFile(file.path));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const ok =
      url.pathname === '/ws' &&
      isLoopbackAddress(req.socket.remoteAddress) &&
      hostAllowed(req.headers.host, port) &&
      originAllowed(req.headers.origin, port) &&
      tokenMatches(token, url.searchParams.get('token'));
    if (!ok) {
      o.log.warn('harness.ws-rejected', { origin: req.headers.origin ?? null });
      return denyUpgrade(socket, 403);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      // a protocol error or an oversized frame: ws has already sent the close frame (1002 / 1009) and closes this
      // connection; without a listener the 'error' event would throw and end the whole harness
      ws.on('error', (e: Error & { code?: string }) =>
        o.log.warn('harness.ws-error', { code: e.code ?? 'WS_ERROR' }),
      );
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => void onMessage(ws, data.toString()));
    });
  });

  async function onMessage(ws: WebSocket, text: string): Promise<void> {
    let msg: { type?: unknown; id?: unknown; method?: unknown; request?: unknown };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    if (msg?.type !== 'invoke' || typeof msg.id !== 'number') return;
    const result = await dispatchInvoke(ctx, msg.method, msg.request);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id: msg.id, result }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : o.port;
  // card events need a running worker: start it now (its start hook begins watching)
  if (o.watchCards) void worker.call('ping', {}).catch(() => undefined);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    ctx,
    opened,
    close: async () => {
      worker.dispose();
      removeOpenSession(o.userDataDir);
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
