/** Starts the real harness (built worker, SoftHSM fixture) in a temp folder, capturing its log lines. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type Harness } from '../../electron/harness/harness-server';
import { WORKER_BUILT } from '../../electron/harness/harness-main';
import { makeShellLog } from '../../electron/shell/ipc/shell-log';

export interface TestHarness {
  harness: Harness;
  dir: string;
  outDir: string;
  logs: string[];
}

export async function startTestHarness(
  root: string,
  env: NodeJS.ProcessEnv,
  watchCards = false,
): Promise<TestHarness> {
  const dir = mkdtempSync(join(root, 'harness-'));
  const staticDir = join(dir, 'static');
  const outDir = join(dir, 'out');
  const userDataDir = join(dir, 'user-data');
  for (const d of [staticDir, outDir, userDataDir]) mkdirSync(d, { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const logs: string[] = [];
  const log = makeShellLog({
    info: (m) => logs.push(m),
    warn: (m) => logs.push(m),
    error: (m) => logs.push(m),
  });
  const harness = await startHarness({
    port: 0,
    staticDir,
    userDataDir,
    outDir,
    workerEntry: WORKER_BUILT,
    workerEnv: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en', ...env },
    log,
    watchCards,
  });
  return { harness, dir, outDir, logs };
}
