/// <reference lib="dom" />
/**
 * The browser harness (E's electron/harness, same IPC handlers as the app) started for the UI end-to-end test,
 * over a private SoftHSM store, plus headless Debian Chromium driven by playwright-core.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness-server';
import { makeShellLog } from '../../electron/shell/ipc/shell-log';

const ROOT = join(__dirname, '..', '..');
/** built by `npm run build` (tsc + the renderer's harness build) */
const WORKER_BUILT = join(ROOT, 'dist', 'electron', 'worker', 'card-worker.js');
const STATIC_DIR = join(ROOT, 'renderer', 'dist-harness');

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface UiSession {
  harness: Harness;
  browser: Browser;
  page: Page;
  outDir: string;
  /** messages the page printed to its console as errors, and uncaught page errors */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startUi(o: {
  root: string;
  softhsmConf: string;
  module: string;
  /** extra worker environment (e.g. SIGILLO_LOTL_URL of a loopback LOTL) */
  env?: Record<string, string>;
  /** the window size (default 1100×760) */
  viewport?: { width: number; height: number };
}): Promise<UiSession> {
  for (const built of [WORKER_BUILT, join(STATIC_DIR, 'index.html')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const outDir = join(o.root, 'harness-out');
  const userDataDir = join(o.root, 'user-data');
  mkdirSync(outDir, { recursive: true });
  mkdirSync(userDataDir, { recursive: true });
  const harness = await startHarness({
    port: 0,
    staticDir: STATIC_DIR,
    userDataDir,
    outDir,
    workerEntry: WORKER_BUILT,
    workerEnv: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'it_IT.UTF-8',
      SOFTHSM2_CONF: o.softhsmConf,
      SIGILLO_PKCS11_MODULE: o.module,
      SIGILLO_DATA_DIR: userDataDir,
      // the app refreshes the EU trusted lists at start: never the real network in a test (port 9: discard)
      SIGILLO_LOTL_URL: 'http://127.0.0.1:9/lotl.xml',
      ...o.env,
    },
    log: makeShellLog({ info: () => undefined, warn: () => undefined, error: (m) => console.error(m) }),
    version: 'e2e',
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({
    viewport: o.viewport ?? { width: 1100, height: 760 },
    locale: 'it-IT',
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
  });
  await page.goto(harness.url);
  return {
    harness,
    browser,
    page,
    outDir,
    pageErrors,
    close: async () => {
      await browser.close();
      await harness.close();
    },
  };
}

/** Drops files on the window the way the OS does (a DataTransfer with File objects). */
export async function dropFiles(
  page: Page,
  files: { name: string; base64: string; type: string }[],
): Promise<void> {
  const dt = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return transfer;
  }, files);
  // the window listens for drops once the app has mounted: drag again until the overlay answers
  const overlay = page.locator('.drop-overlay');
  for (let i = 0; i < 60 && !(await overlay.isVisible()); i++) {
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await overlay.waitFor({ timeout: 500 }).catch(() => undefined);
  }
  await overlay.waitFor();
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}

/** focuses the button named `name` by Tab, as a keyboard user would (fails if Tab never reaches it), then Enter */
export async function pressByKeyboard(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor();
  for (let i = 0; i < 60; i++) {
    if (await button.evaluate((b) => b === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  if (!(await button.evaluate((b) => b === document.activeElement)))
    throw new Error(`"${name}" is not reachable with Tab`);
  await page.keyboard.press('Enter');
}
