/**
 * Runs the built CLI and SIGKILLs it at a random moment while it writes its output (once the temporary file
 * shows up in the output folder), like a power cut or a `kill -9`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { CLI } from '../../support/cli';

export const TEMP_RE = /^\..+\.sigillo-[0-9a-f]{16}\.tmp$/;

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function temps(dir: string): string[] {
  return readdirSync(dir).filter((n) => TEMP_RE.test(n));
}

export interface KillOutcome {
  /** the process was killed (false: it had already finished) */
  killed: boolean;
  /** a temporary file had been seen before the kill */
  sawTemp: boolean;
}

/** Starts `sigillo args…`, waits for a temp file in `watchDir`, sleeps `delayMs`, then SIGKILL. */
export async function killWhileWriting(
  args: string[],
  env: NodeJS.ProcessEnv,
  watchDir: string,
  delayMs: number,
): Promise<KillOutcome> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en', ...env },
    stdio: 'ignore',
  });
  let exited = false;
  const done = new Promise<void>((r) =>
    child.on('exit', () => {
      exited = true;
      r();
    }),
  );
  let sawTemp = false;
  const deadline = Date.now() + 20_000;
  while (!exited && Date.now() < deadline) {
    if (temps(watchDir).length > 0) {
      sawTemp = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  if (sawTemp && delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
  const killed = !exited && child.kill('SIGKILL');
  await done;
  return { killed, sawTemp };
}
