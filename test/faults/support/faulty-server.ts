/**
 * A loopback TCP server that misbehaves on purpose, one way per URL path: silent (accepts, never answers),
 * 500, garbage with 200, bytes that are not HTTP, slow-loris body (one byte every 100 ms), slow-loris
 * headers (never finished), oversize body. Counts open sockets, so tests can check that the client let go.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type FaultMode = 'silent' | 'http500' | 'garbage200' | 'nothttp' | 'slowbody' | 'slowheaders' | 'huge';

export const FAULT_MODES: FaultMode[] = [
  'silent',
  'http500',
  'garbage200',
  'nothttp',
  'slowbody',
  'slowheaders',
  'huge',
];

export interface FaultyServer {
  url(mode: FaultMode): string;
  /** a URL on a port nobody listens on (connection refused) */
  refusedUrl: string;
  /** `/switch` answers the way set here (one certificate URL, many faults) */
  switchUrl: string;
  setSwitch(mode: FaultMode): void;
  openSockets(): number;
  close(): Promise<void>;
}

function trickle(socket: Socket, bytes: Buffer, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= bytes.length) {
      clearInterval(timer);
      return;
    }
    socket.write(bytes.subarray(i, i + 1));
    i++;
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

function answer(socket: Socket, mode: FaultMode): void {
  switch (mode) {
    case 'silent':
      return;
    case 'http500':
      socket.end('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\nConnection: close\r\n\r\noops!');
      return;
    case 'garbage200': {
      const body = randomBytes(700);
      socket.end(
        Buffer.concat([
          Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`),
          body,
        ]),
      );
      return;
    }
    case 'nothttp':
      socket.end(randomBytes(300));
      return;
    case 'slowbody':
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nContent-Type: application/pkix-crl\r\n\r\n');
      trickle(socket, randomBytes(100_000), 100);
      return;
    case 'slowheaders':
      trickle(socket, Buffer.from('HTTP/1.1 200 OK\r\nX-Slow: ' + 'a'.repeat(100_000)), 100);
      return;
    case 'huge':
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n');
      for (let i = 0; i < 40 && !socket.destroyed; i++) socket.write(randomBytes(1 << 20));
      return;
  }
}

export async function startFaultyServer(): Promise<FaultyServer> {
  const sockets = new Set<Socket>();
  let switchMode: FaultMode = 'silent';
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      const m = /^[A-Z]+ \/([a-z0-9]+)/.exec(head);
      if (!m && head.length < 200) return;
      socket.off('data', onData);
      const path = m?.[1] ?? 'silent';
      answer(socket, path === 'switch' ? switchMode : (path as FaultMode));
    };
    socket.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const spare = createServer();
  await new Promise<void>((r) => spare.listen(0, '127.0.0.1', r));
  const refusedPort = (spare.address() as AddressInfo).port;
  await new Promise<void>((r) => spare.close(() => r()));
  return {
    url: (mode) => `http://127.0.0.1:${port}/${mode}`,
    refusedUrl: `http://127.0.0.1:${refusedPort}/refused`,
    switchUrl: `http://127.0.0.1:${port}/switch`,
    setSwitch: (mode) => {
      switchMode = mode;
    },
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Waits until `cond` holds (polling), up to `ms`; returns whether it did. */
export async function eventually(cond: () => boolean, ms = 2000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}
