/**
 * Network faults on a loopback server for everything Sigillo fetches — OCSP/CRL and trusted lists (the shared
 * HTTP client), the TSA (its own client) — refused, silent, 500, garbage, not HTTP, slow-loris body and
 * headers, oversize: each ends within its time limits with a reason, the client lets go of the socket, and a
 * verification whose revocation server misbehaves is INDETERMINATE / TRY_LATER with the reason.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { fetchBytes, FetchError } from '../../electron/core/revocation/http-fetch';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { requestTimestamp } from '../../electron/core/verify/requested-timestamp';
import { downloadText } from '../../electron/core/tsl/tsl-download';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { opensslSign } from '../cms/reader-helpers';
import { makeTestPki } from '../support/pki';
import {
  eventually,
  FAULT_MODES,
  startFaultyServer,
  type FaultMode,
  type FaultyServer,
} from './support/faulty-server';

const fx = inject('fixture');
const LIMITS = { connectTimeoutMs: 500, totalTimeoutMs: 1500 };
/** time limit + slack for a loaded machine */
const BOUND_MS = LIMITS.totalTimeoutMs + 1500;

async function timed<T>(p: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const t0 = Date.now();
  try {
    const value = await p;
    return { ms: Date.now() - t0, value };
  } catch (error) {
    return { ms: Date.now() - t0, error };
  }
}

describe('network faults', () => {
  let srv: FaultyServer;
  const urls = (): [string, string][] => [
    ['refused', srv.refusedUrl],
    ...FAULT_MODES.map((m): [string, string] => [m, srv.url(m)]),
  ];

  beforeAll(async () => {
    srv = await startFaultyServer();
  });
  afterAll(async () => {
    await srv.close();
  });

  it('OCSP/CRL HTTP client: every fault rejects with a reason within the limits and frees the socket', async () => {
    const results = await Promise.all(
      urls().map(async ([mode, url]) => ({
        mode,
        r: await timed(fetchBytes(url, { ...LIMITS, maxBytes: 4 << 20 })),
      })),
    );
    for (const { mode, r } of results) {
      expect(r.ms, mode).toBeLessThan(BOUND_MS);
      // garbage with HTTP 200 is bytes for the transport: the OCSP/CRL parsers refuse it (test below)
      if (mode === 'garbage200') expect(r.value?.length).toBe(700);
      else expect(String((r.error as Error).message).length, mode).toBeGreaterThan(0);
    }
    const timeouts = results.filter((x) => x.r.error instanceof FetchError).map((x) => x.mode);
    expect(timeouts).toEqual(
      expect.arrayContaining(['silent', 'slowbody', 'slowheaders', 'http500', 'huge']),
    );
    expect(await eventually(() => srv.openSockets() === 0), `open sockets: ${srv.openSockets()}`).toBe(true);
  });

  it('trusted-list download: TSL_DOWNLOAD_FAILED with the reason for refused, 500 and non-HTTP answers', async () => {
    for (const mode of ['refused', 'http500', 'nothttp'] as const) {
      const url = mode === 'refused' ? srv.refusedUrl : srv.url(mode);
      const r = await timed(downloadText(url));
      expect(r.error, mode).toBeInstanceOf(SigilloError);
      expect((r.error as SigilloError).code).toBe('TSL_DOWNLOAD_FAILED');
      expect((r.error as SigilloError).details?.reason, mode).toBeTruthy();
      expect(r.ms, mode).toBeLessThan(BOUND_MS);
    }
  });

  it('TSA client: every fault is a TSA_* error within the limits, never a hang', async () => {
    const hash = createHash('sha256').update('documento').digest();
    const expected: Record<string, string[]> = {
      refused: ['TSA_UNREACHABLE'],
      silent: ['TSA_TIMEOUT'],
      http500: ['TSA_HTTP_ERROR'],
      garbage200: ['TSA_BAD_RESPONSE'],
      nothttp: ['TSA_UNREACHABLE', 'TSA_BAD_RESPONSE'],
      slowbody: ['TSA_TIMEOUT'],
      slowheaders: ['TSA_TIMEOUT'],
      huge: ['TSA_BAD_RESPONSE'],
    };
    const results = await Promise.all(
      urls().map(async ([mode, url]) => ({
        mode,
        r: await timed(requestTimestamp({ url, http: { ...LIMITS, maxBytes: 1 << 20 } }, 'sha256', hash)),
      })),
    );
    for (const { mode, r } of results) {
      expect(r.error, mode).toBeInstanceOf(SigilloError);
      expect(expected[mode], `${mode}: ${(r.error as SigilloError).code}`).toContain(
        (r.error as SigilloError).code,
      );
      expect(r.ms, mode).toBeLessThan(BOUND_MS);
    }
    expect(await eventually(() => srv.openSockets() === 0), `open sockets: ${srv.openSockets()}`).toBe(true);
  });

  it('verification with a misbehaving CRL server: INDETERMINATE / TRY_LATER with the reason, bounded time', async () => {
    const dir = mkdtempSync(join(fx.root, 'net-faults-'));
    // the fixture PKI is made with openssl; on a loaded machine one openssl call failed once: try twice
    const makePki = (n: number) => makeTestPki(join(dir, `pki${n}`), { crlUrl: srv.switchUrl });
    let pki: ReturnType<typeof makeTestPki>;
    try {
      pki = makePki(1);
    } catch {
      pki = makePki(2);
    }
    const content = join(dir, 'doc.txt');
    writeFileSync(content, 'documento firmato\n');
    const p7m = opensslSign(pki, content, join(dir, 'doc.p7m'), [
      '-nodetach',
      '-outform',
      'DER',
      '-certfile',
      pki.caPem,
    ]);
    const trust = new TrustStore([{ der: new Uint8Array(readFileSync(pki.root.certDer)) } as never]);
    for (const mode of ['silent', 'slowbody', 'garbage200', 'http500'] as FaultMode[]) {
      srv.setSwitch(mode);
      const revocation = createRevocationChecker({ offline: false, cacheDir: null, fetch: LIMITS });
      const r = await timed(verifyFile(p7m, { trust, revocation }));
      expect(r.ms, mode).toBeLessThan(2 * BOUND_MS);
      const sig = r.value!.signatures[0]!;
      expect(sig.indication, mode).toBe('INDETERMINATE');
      expect(sig.subIndication, mode).toBe('TRY_LATER');
      expect(JSON.stringify(sig), mode).toMatch(/OCSP\/CRL/);
    }
  });
});
