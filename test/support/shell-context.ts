/** The harness's real ShellContext (built card worker, quiet log) for handler tests, and calls checked like the app. */
import { expect } from 'vitest';
import { makeHarnessContext } from '../../electron/harness/harness-context';
import { WORKER_BUILT } from '../../electron/harness/harness-main';
import { dispatchInvoke } from '../../electron/shell/ipc/dispatch';
import type { ShellContext } from '../../electron/shell/ipc/context';
import { makeShellLog } from '../../electron/shell/ipc/shell-log';
import type { Result } from '../../shared/api';
import { CONTRACT, type InvokeMethod } from '../../shared/contract';

export function quietShellContext(userDataDir: string, outDir: string, env: NodeJS.ProcessEnv = {}) {
  return makeHarnessContext({
    userDataDir,
    outDir,
    workerEntry: WORKER_BUILT,
    workerEnv: { PATH: process.env.PATH, SIGILLO_LANG: 'en', ...env },
    log: makeShellLog({ info: () => undefined, warn: () => undefined, error: () => undefined }),
    version: '0.0.0-test',
    emit: () => undefined,
    opened: [],
  });
}

/** dispatchInvoke, and every answer must match its response schema */
export async function checkedCall(
  ctx: ShellContext,
  method: InvokeMethod,
  request: unknown,
): Promise<Result<unknown>> {
  const r = await dispatchInvoke(ctx, method, request);
  if (r.ok) expect(CONTRACT[method].response.safeParse(r.value).success).toBe(true);
  return r;
}
