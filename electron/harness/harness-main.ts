/**
 * `npm run harness`: the loopback browser harness (`npm run harness -- --demo`: with demo tokens, see demo.ts). Env: SIGILLO_HARNESS_PORT (default 5178),
 * SIGILLO_HARNESS_OUT (session folder; default a new temp folder), SIGILLO_DATA_DIR (settings; default inside
 * the session folder), SIGILLO_HARNESS_TOKEN (fixed token, tests only), SIGILLO_PKCS11_MODULE / SOFTHSM2_CONF,
 * SIGILLO_WATCH_CARDS=1 (forward PC/SC reader and card events; needs pcscd).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeShellLog } from '../shell/ipc/shell-log';
import { startHarness, type Harness } from './harness-server';

/** The repository root (works from dist/ and from the TypeScript sources). */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const ROOT = findRoot(__dirname);
export const WORKER_BUILT = join(ROOT, 'dist', 'electron', 'worker', 'card-worker.js');

export function defaultStaticDir(): string {
  return join(ROOT, 'renderer', 'dist-harness');
}

export async function runHarness(env: NodeJS.ProcessEnv = process.env): Promise<Harness> {
  const outDir = env.SIGILLO_HARNESS_OUT || mkdtempSync(join(tmpdir(), 'sigillo-harness-'));
  mkdirSync(outDir, { recursive: true });
  const userDataDir = env.SIGILLO_DATA_DIR || join(outDir, 'user-data');
  mkdirSync(userDataDir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const harness = await startHarness({
    port: Number(env.SIGILLO_HARNESS_PORT || 5178),
    staticDir: env.SIGILLO_HARNESS_STATIC || defaultStaticDir(),
    userDataDir,
    outDir,
    workerEntry: WORKER_BUILT,
    workerEnv: { ...env, SIGILLO_DATA_DIR: userDataDir },
    token: env.SIGILLO_HARNESS_TOKEN || undefined,
    log: makeShellLog({
      info: () => undefined,
      warn: (m) => console.error(m),
      error: (m) => console.error(m),
    }),
    version: pkg.version,
    watchCards: env.SIGILLO_WATCH_CARDS === '1',
  });
  console.log(`Sigillo harness: ${harness.url}`);
  console.log(`  session folder: ${outDir}`);
  const stop = () => void harness.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return harness;
}

/** `npm run harness -- --demo`: the demo script (test/harness/demo.ts, needs the dev dependencies) instead. */
function runDemo(): void {
  const tsx = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  const child = spawn(tsx, [join(ROOT, 'test', 'harness', 'demo.ts')], {
    stdio: 'inherit',
    env: process.env,
  });
  child.on('exit', (code) => process.exit(code ?? 1));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
}

if (require.main === module && process.argv.includes('--demo')) {
  runDemo();
} else if (require.main === module) {
  runHarness().catch((e: unknown) => {
    console.error(`harness: ${(e as Error).message}`);
    process.exit(1);
  });
}
