/** Runs the built `sigillo` CLI (dist/, made by `npm run build` before the tests) as a user would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', '..', 'dist', 'electron', 'cli', 'sigillo.js');
/** the bundle the bin runs (build/scripts/bundle-cli.js), and its code cache */
export const CLI_BUNDLE = join(__dirname, '..', '..', 'dist', 'electron', 'cli', 'sigillo-bundle.js');
export const CLI_CODE_CACHE = join(__dirname, '..', '..', 'dist', 'electron', 'cli', 'sigillo-bundle.cache');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
