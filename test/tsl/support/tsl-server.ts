/** Test helper: a tiny loopback HTTP server serving fixed documents by path, counting requests. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DocServer {
  url(path: string): string;
  set(path: string, body: string): void;
  hits: Record<string, number>;
  close(): Promise<void>;
}

export async function startDocServer(): Promise<DocServer> {
  const docs = new Map<string, string>();
  const hits: Record<string, number> = {};
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits[path] = (hits[path] ?? 0) + 1;
    const body = docs.get(path);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, body) => void docs.set(path, body),
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
