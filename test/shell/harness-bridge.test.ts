/// <reference lib="dom" />
/**
 * The page side of the harness: the built UI (renderer/dist-harness) in headless Chromium gets `window.sigillo`
 * from renderer/src/bridge/harness-bridge.ts; calls, events and file uploads cross the loopback socket.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness-server';
import { WORKER_BUILT } from '../../electron/harness/harness-main';
import { makeShellLog } from '../../electron/shell/ipc/shell-log';
import type { SigilloApi } from '../../shared/api';
import { PIN } from '../support/fixture';

const fx = inject('fixture');
const STATIC_DIR = join(__dirname, '..', '..', 'renderer', 'dist-harness');
let harness: Harness;
let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  if (!existsSync(join(STATIC_DIR, 'index.html')))
    throw new Error('renderer/dist-harness missing: npm run build');
  mkdirSync(join(fx.root, 'bridge'), { recursive: true });
  dir = mkdtempSync(join(fx.root, 'bridge', 'b-'));
  harness = await startHarness({
    port: 0,
    staticDir: STATIC_DIR,
    userDataDir: join(dir, 'user-data'),
    outDir: dir,
    workerEntry: WORKER_BUILT,
    workerEnv: { PATH: process.env.PATH, SIGILLO_PKCS11_MODULE: fx.module, SOFTHSM2_CONF: fx.singleConf },
    log: makeShellLog({ info: () => undefined, warn: () => undefined, error: () => undefined }),
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox'],
  });
  page = await browser.newPage();
  await page.goto(harness.url);
  await page.waitForFunction(() => 'sigillo' in window);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('harness bridge in the browser', () => {
  it('exposes the API and reaches the real handlers', async () => {
    const host = await page.evaluate(async () => {
      const api = (window as unknown as { sigillo: SigilloApi }).sigillo;
      const r = await api.appInfo({});
      return r.ok ? r.value.host : r.error.code;
    });
    expect(host).toBe('harness');
    const labels = await page.evaluate(async () => {
      const r = await (window as unknown as { sigillo: SigilloApi }).sigillo.listTokens({});
      return r.ok ? r.value.tokens.map((t) => t.label) : [r.error.code];
    });
    expect(labels).toEqual(['CNS-ROSSI']);
  });

  it('uploads a page File to get a path, signs it with progress events', async () => {
    const result = await page.evaluate(async (pin) => {
      const api = (window as unknown as { sigillo: SigilloApi }).sigillo;
      const paths = await api.pathsForFiles([new File(['ciao dal browser'], 'lettera.txt')]);
      if (!paths.ok) return { error: paths.error.code };
      const phases: string[] = [];
      const off = api.on('progress', (p) => phases.push(p.phase));
      const r = await api.sign({
        operationId: 'op-bridge-1',
        files: paths.value,
        format: 'cades',
        token: 'CNS-ROSSI',
        digest: 'sha256',
        overwrite: false,
        pin,
      });
      off();
      return { path: paths.value[0], sign: r, phases };
    }, PIN);
    expect(result.path && readFileSync(result.path, 'utf8')).toBe('ciao dal browser');
    expect(result.sign?.ok, JSON.stringify(result)).toBe(true);
    const output = result.sign?.ok ? result.sign.value.results[0]?.output : null;
    expect(output && existsSync(output)).toBe(true);
    expect(result.phases).toContain('done');
  });

  it('invalid requests come back as {code, message}', async () => {
    const code = await page.evaluate(async () => {
      const api = (window as unknown as { sigillo: SigilloApi }).sigillo;
      const r = await api.showItemInFolder({ path: '../../etc/passwd' });
      return r.ok ? 'OK' : r.error.code;
    });
    expect(code).toBe('IPC_INVALID_REQUEST');
  });
});
