/** Small HTTP client for OCSP and CRLs: bounded connect and total timeouts, size cap, a few redirects. */
import type { IncomingMessage } from 'node:http';

export interface FetchOptions {
  method?: 'GET' | 'POST';
  body?: Uint8Array;
  contentType?: string;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBytes?: number;
}

export const FETCH_DEFAULTS = { connectTimeoutMs: 5_000, totalTimeoutMs: 20_000, maxBytes: 32 * 1024 * 1024 };
const MAX_REDIRECTS = 3;

export class FetchError extends Error {}

/**
 * node:http / node:https load on the first request: an offline verification (a batch of 1000 files, and each
 * verifier thread) never fetches, and loading them (with tls and streams) cost ~10 ms of its start (issue 22).
 * A plain require, not `import()`: the CLI bundle runs as a compiled script, where a dynamic import of a
 * built-in has no loader to answer it.
 */
function requester(url: URL): typeof import('node:http').request {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return url.protocol === 'https:'
    ? (require('node:https') as typeof import('node:https')).request
    : (require('node:http') as typeof import('node:http')).request;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function once(url: URL, o: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const req = requester(url)(url, {
    signal,
    method: o.method ?? 'GET',
    headers: o.body
      ? { 'content-type': o.contentType ?? 'application/octet-stream', 'content-length': o.body.length }
      : {},
  });
  return new Promise((resolve, reject) => {
    const connectTimer = setTimeout(
      () => req.destroy(new FetchError('connect timeout')),
      o.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs,
    );
    req.on('socket', (s) => s.once('connect', () => clearTimeout(connectTimer)));
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      resolve(res);
    });
    req.on('error', (e) => {
      clearTimeout(connectTimer);
      reject(e);
    });
    req.end(o.body);
  });
}

/**
 * The body of `res`, at most `maxBytes`: past that the response is destroyed and `tooBig()` thrown.
 * Shared with the TSA client, which throws its own error.
 */
export async function readBody(
  res: IncomingMessage,
  maxBytes: number,
  tooBig: () => Error = () => new FetchError(`response larger than ${maxBytes} bytes`),
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      res.destroy();
      throw tooBig();
    }
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function fetchLoop(url: string, o: FetchOptions, signal: AbortSignal): Promise<Uint8Array> {
  let current = new URL(url);
  for (let i = 0; i <= MAX_REDIRECTS; i++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new FetchError(`unsupported URL scheme ${current.protocol}`);
    }
    const res = await once(current, o, signal);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      current = new URL(res.headers.location, current);
      continue;
    }
    if (status !== 200) {
      res.resume();
      throw new FetchError(`HTTP ${status}`);
    }
    return readBody(res, o.maxBytes ?? FETCH_DEFAULTS.maxBytes);
  }
  throw new FetchError('too many redirects');
}

/** GET/POST `url`, resolving with the body bytes; rejects on timeout, non-200, oversize. */
export function fetchBytes(url: string, o: FetchOptions = {}): Promise<Uint8Array> {
  const total = o.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  // on timeout the request is aborted too: a server that trickles bytes (slow-loris) must not keep the
  // socket, and the process, alive after the caller gave up
  const abort = new AbortController();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new FetchError('total timeout'));
      abort.abort();
    }, total);
  });
  return Promise.race([fetchLoop(url, o, abort.signal), deadline]).finally(() => clearTimeout(timer));
}
