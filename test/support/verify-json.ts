/** Test helper: `sigillo verify --json` through the built CLI, its reports parsed (one FileReport per file). */
import type { FileReport } from '../../electron/core/verify/types';
import { runCli } from './cli';

export interface VerifyJsonResult {
  code: number;
  stderr: string;
  files: FileReport[];
}

/** Runs `sigillo verify --json ...args` and parses its stdout. */
export async function verifyJson(args: string[], env: NodeJS.ProcessEnv = {}): Promise<VerifyJsonResult> {
  const r = await runCli(['verify', '--json', ...args], env);
  return { code: r.code, stderr: r.stderr, files: JSON.parse(r.stdout) as FileReport[] };
}
