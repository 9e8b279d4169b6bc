/**
 * The sign request's policy fields through dispatchInvoke and the real card worker (SoftHSM token of this file's
 * own): a level above B without a TSA in the settings is refused before anything is signed; `detached` writes
 * FILE.p7s (openssl verifies it with -content); `countersign` adds a counter-signature; cancel during a big file
 * stops inside it (CANCELLED, no output, no temporary file, the next file not started).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeHarnessContext } from '../../electron/harness/harness-context';
import { WORKER_BUILT } from '../../electron/harness/harness-main';
import { dispatchInvoke } from '../../electron/shell/ipc/dispatch';
import type { ShellContext } from '../../electron/shell/ipc/context';
import { makeShellLog } from '../../electron/shell/ipc/shell-log';
import type { CardWorkerClient } from '../../electron/shell/worker-client';
import type { Result } from '../../shared/api';
import { CONTRACT } from '../../shared/contract';
import type { SignResponse } from '../../shared/schemas/sign';
import { cmsPrint, opensslVerify } from '../cms/helpers';
import { PIN } from '../support/fixture';
import { cnsToken } from '../support/global-setup';
import { addToken, makeSofthsmStore } from '../support/softhsm';

const fx = inject('fixture');
let ctx: ShellContext;
let worker: CardWorkerClient;
let dir: string;
let onEvent: (channel: string, payload: unknown) => void = () => undefined;

beforeAll(() => {
  mkdirSync(join(fx.root, 'ipc-sign'), { recursive: true });
  dir = mkdtempSync(join(fx.root, 'ipc-sign', 's-'));
  const conf = makeSofthsmStore(join(dir, 'hsm'));
  addToken(conf, cnsToken('CNS-POLICY', fx.pki));
  mkdirSync(join(dir, 'user-data'));
  ({ ctx, worker } = makeHarnessContext({
    userDataDir: join(dir, 'user-data'),
    outDir: dir,
    workerEntry: WORKER_BUILT,
    workerEnv: { PATH: process.env.PATH, SIGILLO_PKCS11_MODULE: fx.module, SOFTHSM2_CONF: conf },
    log: makeShellLog({ info: () => undefined, warn: () => undefined, error: () => undefined }),
    version: '0.0.0-test',
    emit: (channel, payload) => onEvent(channel, payload),
    opened: [],
  }));
});

afterAll(() => worker?.dispose());

let op = 0;
async function sign(files: string[], extra: object): Promise<Result<SignResponse>> {
  const r = await dispatchInvoke(ctx, 'sign', {
    operationId: `op-policy-${op++}`,
    files,
    format: 'auto',
    token: 'CNS-POLICY',
    digest: 'sha256',
    overwrite: false,
    pin: PIN,
    ...extra,
  });
  if (r.ok) expect(CONTRACT.sign.response.safeParse(r.value).success).toBe(true);
  return r as Result<SignResponse>;
}

function fresh(name: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  return d;
}

describe('sign request: level, detached, countersign, cancel', () => {
  it('LT without a TSA in the settings: TSA_URL_MISSING, nothing written', async () => {
    const d = fresh('lt');
    const input = join(d, 'doc.txt');
    writeFileSync(input, 'x');
    const r = await sign([input], { level: 'LT' });
    expect(r.ok ? 'OK' : r.error.code).toBe('TSA_URL_MISSING');
    expect(readdirSync(d)).toEqual(['doc.txt']);
  });

  it('detached: FILE.p7s, openssl verifies it with -content FILE; then counter-signed into another folder', async () => {
    const d = fresh('detached');
    const input = join(d, 'doc.txt');
    writeFileSync(input, 'documento firmato a parte\n');
    const r = await sign([input], { detached: true });
    expect(r.ok && r.value.results).toEqual([
      { file: input, format: 'cades', output: `${input}.p7s`, error: null },
    ]);
    expect(opensslVerify(`${input}.p7s`, fx.pki.chainPem, { content: input }).ok).toBe(true);

    const p7m = (await sign([input], {})) as { ok: true; value: SignResponse };
    const out = fresh('countersigned');
    const c = await sign([p7m.value.results[0]!.output as string], { countersign: 1, outputDir: out });
    expect(c.ok && c.value.results[0]!.error).toBeNull();
    const counter = join(out, 'doc.txt.p7m');
    expect(opensslVerify(counter, fx.pki.chainPem).ok).toBe(true);
    expect(cmsPrint(counter)).toMatch(/countersignature|1\.2\.840\.113549\.1\.9\.6/);
  });

  it('cancel during a big file stops inside it: CANCELLED, nothing left behind, the next file not started', async () => {
    const d = fresh('cancel');
    const big = join(d, 'grande.bin');
    writeFileSync(big, randomBytes(48 * 1024 * 1024));
    const next = join(d, 'dopo.txt');
    writeFileSync(next, 'dopo');
    const operationId = `op-policy-${op++}`;
    let cancelled = false;
    onEvent = (channel, payload) => {
      const p = payload as { bytesDone?: number; bytesTotal?: number };
      if (channel === 'progress' && !cancelled && (p.bytesDone ?? 0) > 0 && p.bytesDone! < p.bytesTotal!) {
        cancelled = true;
        void dispatchInvoke(ctx, 'cancel', { operationId });
      }
    };
    try {
      const r = await dispatchInvoke(ctx, 'sign', {
        operationId,
        files: [big, next],
        format: 'auto',
        token: 'CNS-POLICY',
        digest: 'sha256',
        overwrite: false,
        pin: PIN,
      });
      expect(cancelled).toBe(true);
      expect(r.ok && r.value).toMatchObject({
        cancelled: true,
        results: [{ file: big, output: null, error: { code: 'CANCELLED' } }],
      });
      expect(readdirSync(d).sort()).toEqual(['dopo.txt', 'grande.bin']);
    } finally {
      onEvent = () => undefined;
    }
  }, 60_000);
});
