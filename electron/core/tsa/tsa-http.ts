/**
 * POST of a TimeStampReq: bounded connect and total time, a size cap on the answer, optional HTTP Basic
 * credentials (sent only in the header, never logged or put in an error), no redirects (a TSA answers in place).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readBody } from '../revocation/http-fetch';
import { tsaError } from './tsa-errors';
import { parseTsaUrl } from './tsa-config';

export interface TsaCredentials {
  user: string;
  password: string;
}

export interface TsaHttpOptions {
  credentials?: TsaCredentials;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBytes?: number;
}

export const TSA_HTTP_DEFAULTS = { connectTimeoutMs: 10_000, totalTimeoutMs: 30_000, maxBytes: 1024 * 1024 };

function basic(c: TsaCredentials): string {
  return 'Basic ' + Buffer.from(`${c.user}:${c.password}`, 'utf8').toString('base64');
}

/** Sends `query` and resolves with the answer body (HTTP 200 only). */
export function postTimestampQuery(
  url: string,
  query: Uint8Array,
  o: TsaHttpOptions = {},
): Promise<Uint8Array> {
  const u = parseTsaUrl(url);
  const host = u.host;
  const connectMs = o.connectTimeoutMs ?? TSA_HTTP_DEFAULTS.connectTimeoutMs;
  const totalMs = o.totalTimeoutMs ?? TSA_HTTP_DEFAULTS.totalTimeoutMs;
  const headers: Record<string, string | number> = {
    'content-type': 'application/timestamp-query',
    accept: 'application/timestamp-reply',
    'content-length': query.length,
  };
  if (o.credentials) headers.authorization = basic(o.credentials);
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const finish = (e: Error | null, body?: Uint8Array) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      if (e) {
        req.destroy();
        reject(e);
      } else resolve(body as Uint8Array);
    };
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, { method: 'POST', headers });
    const timeout = (ms: number) => () =>
      finish(tsaError('TSA_TIMEOUT', { host, seconds: Math.ceil(ms / 1000) }));
    const connectTimer = setTimeout(timeout(connectMs), connectMs);
    const totalTimer = setTimeout(timeout(totalMs), totalMs);
    req.on('socket', (s) => s.once('connect', () => clearTimeout(connectTimer)));
    req.on('error', (e: NodeJS.ErrnoException) =>
      finish(tsaError('TSA_UNREACHABLE', { host, reason: e.code ?? e.message })),
    );
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        res.resume();
        const code = status === 401 || status === 403 ? 'TSA_AUTH_FAILED' : 'TSA_HTTP_ERROR';
        finish(tsaError(code, { host, status }));
        return;
      }
      const maxBytes = o.maxBytes ?? TSA_HTTP_DEFAULTS.maxBytes;
      const tooBig = () => tsaError('TSA_BAD_RESPONSE', { reason: `> ${maxBytes} bytes`, host });
      readBody(res, maxBytes, tooBig).then(
        (body) => finish(null, body),
        (e: Error) => finish(e),
      );
    });
    req.end(query);
  });
}
