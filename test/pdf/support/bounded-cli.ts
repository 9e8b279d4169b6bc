/**
 * Runs `sigillo verify --json --offline FILE` as a child under /usr/bin/time (GNU time, Debian package `time`),
 * so the test can hold it to the hostile-input goal: an answer within the time limit and below the peak RSS.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI } from '../../support/cli';

export interface BoundedRun {
  exitCode: number;
  /** wall-clock milliseconds */
  ms: number;
  /** peak resident set size in MB */
  rssMb: number;
  stdout: string;
  stderr: string;
}

export function verifyBounded(file: string, timeoutMs: number): Promise<BoundedRun> {
  const rssFile = `${file}.rss`;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      '/usr/bin/time',
      ['-f', '%M', '-o', rssFile, process.execPath, CLI, 'verify', '--json', '--offline', file],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en' }, stdio: 'pipe' },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      const kb = Number(/(\d+)\s*$/.exec(readFileSync(rssFile, 'latin1'))?.[1] ?? NaN);
      resolve({ exitCode: code ?? -1, ms, rssMb: kb / 1024, stdout, stderr });
    });
  });
}
