import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { tsaConfigFrom } from '../../electron/core/tsa/tsa-client';
import { requestTimestamp } from '../../electron/core/verify/requested-timestamp';
import { makeTsaPki, startTsaServer, type TestTsa, type TsaPki } from '../support/tsa-server';

let dir: string;
let pki: TsaPki;
let tsa: TestTsa;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sigillo-tsa-'));
  pki = makeTsaPki(join(dir, 'tsa'));
  tsa = await startTsaServer({ pki });
});
afterAll(async () => {
  await tsa.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (b: Buffer | string) => new Uint8Array(createHash('sha256').update(b).digest());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SigilloError);
    return (e as SigilloError).code;
  }
  return 'no error';
}

describe('RFC 3161 client against the loopback TSA', () => {
  it('gets a token that openssl ts -verify accepts for the data', async () => {
    const data = join(dir, 'data.txt');
    writeFileSync(data, 'hello timestamp');
    const before = Date.now();
    const { token, response } = await requestTimestamp({ url: tsa.url }, 'sha256', sha256('hello timestamp'));
    expect(Math.abs(token.info.genTime.getTime() - before)).toBeLessThan(60_000);
    expect(token.info.policy).toBe('1.3.6.1.4.1.99999.1.1');
    const tsr = join(dir, 'data.tsr');
    writeFileSync(tsr, response);
    const out = execFileSync(
      'openssl',
      ['ts', '-verify', '-data', data, '-in', tsr, '-CAfile', pki.rootPem, '-untrusted', pki.tsaCertPem],
      { encoding: 'utf8' },
    );
    expect(out).toMatch(/Verification: OK/);
    writeFileSync(data, 'hello timestamp!');
    expect(() =>
      execFileSync('openssl', ['ts', '-verify', '-data', data, '-in', tsr, '-CAfile', pki.rootPem], {
        stdio: 'pipe',
      }),
    ).toThrow();
  });

  it('sends HTTP Basic credentials from the environment, and reports a refusal without them', async () => {
    const locked = await startTsaServer({ pki, user: 'mario', password: 's3cret-pw' });
    try {
      const cfg = tsaConfigFrom(locked.url, { SIGILLO_TSA_USER: 'mario', SIGILLO_TSA_PASSWORD: 's3cret-pw' });
      const ok = await requestTimestamp(cfg, 'sha256', sha256('x'));
      expect(ok.token.info.imprint).toEqual(sha256('x'));
      expect(locked.authorizations[0]).toBe('Basic ' + Buffer.from('mario:s3cret-pw').toString('base64'));
      const bad = tsaConfigFrom(locked.url, { SIGILLO_TSA_USER: 'mario', SIGILLO_TSA_PASSWORD: 'wrong-pw' });
      const err = await requestTimestamp(bad, 'sha256', sha256('x')).catch((e: SigilloError) => e);
      expect((err as SigilloError).code).toBe('TSA_AUTH_FAILED');
      expect(
        JSON.stringify({ m: (err as SigilloError).message, d: (err as SigilloError).details }),
      ).not.toMatch(/wrong-pw|s3cret/);
      expect(await codeOf(requestTimestamp({ url: locked.url }, 'sha256', sha256('x')))).toBe(
        'TSA_AUTH_FAILED',
      );
    } finally {
      await locked.close();
    }
  });

  it('reads the URL from --tsa, else SIGILLO_TSA_URL, and rejects missing or non-HTTP URLs', () => {
    expect(tsaConfigFrom(undefined, { SIGILLO_TSA_URL: 'http://tsa.example/' }).url).toBe(
      'http://tsa.example/',
    );
    expect(tsaConfigFrom('https://a.example/ts', { SIGILLO_TSA_URL: 'http://b/' }).url).toBe(
      'https://a.example/ts',
    );
    expect(() => tsaConfigFrom(undefined, {})).toThrow(expect.objectContaining({ code: 'TSA_URL_MISSING' }));
    expect(() => tsaConfigFrom('ftp://x/', {})).toThrow(expect.objectContaining({ code: 'TSA_URL_INVALID' }));
    expect(() => tsaConfigFrom('http://u:p@x/', {})).toThrow(
      expect.objectContaining({ code: 'TSA_URL_INVALID' }),
    );
  });
});

describe('TSA faults give clear errors within bounded time', () => {
  async function withMode(mode: TestTsa['mode'], timeouts = {}): Promise<string> {
    tsa.mode = mode;
    try {
      return await codeOf(requestTimestamp({ url: tsa.url, http: timeouts }, 'sha256', sha256('f')));
    } finally {
      tsa.mode = 'ok';
    }
  }

  it('connection refused → TSA_UNREACHABLE', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    expect(await codeOf(requestTimestamp({ url: `http://127.0.0.1:${port}/` }, 'sha256', sha256('f')))).toBe(
      'TSA_UNREACHABLE',
    );
  });

  it('HTTP 500 → TSA_HTTP_ERROR; garbage → TSA_BAD_RESPONSE; rejection → TSA_REJECTED', async () => {
    expect(await withMode('http500')).toBe('TSA_HTTP_ERROR');
    expect(await withMode('garbage')).toBe('TSA_BAD_RESPONSE');
    expect(await withMode('rejection')).toBe('TSA_REJECTED');
  });

  it('a token for another request (nonce, imprint) → TSA_MISMATCH', async () => {
    expect(await withMode('mismatch')).toBe('TSA_MISMATCH');
  });

  it('a TSA that never answers → TSA_TIMEOUT after the total timeout', async () => {
    const start = Date.now();
    expect(await withMode('slow', { totalTimeoutMs: 1500 })).toBe('TSA_TIMEOUT');
    const took = Date.now() - start;
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(5000);
  });
});
