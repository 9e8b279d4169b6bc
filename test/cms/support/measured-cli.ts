/**
 * Test helper: `sigillo verify --json --offline FILE` in a child node process (the built CLI in dist/), with its
 * wall time, its peak RSS (process.resourceUsage of the child itself, printed on exit to stderr) and its output.
 */
import { spawnSync } from 'node:child_process';
import { CLI } from '../../support/cli';

export interface MeasuredRun {
  status: number | null;
  ms: number;
  rssMb: number;
  stdout: string;
  /** the file-level error code of the first report, if any */
  code: string | undefined;
  message: string | undefined;
}

const WRAPPER = [
  'const [cli, ...args] = process.argv.slice(1);',
  'process.argv = [process.argv[0], cli, ...args];',
  "process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));",
  'require(cli);',
].join('\n');

export function measuredVerify(file: string): MeasuredRun {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['-e', WRAPPER, CLI, 'verify', '--json', '--offline', file], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en' },
    maxBuffer: 1 << 30,
    timeout: 60_000,
  });
  const ms = Date.now() - t0;
  const rssKb = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  let code: string | undefined;
  let message: string | undefined;
  try {
    const report = (JSON.parse(r.stdout) as { error: { code: string; message: string } | null }[])[0];
    code = report?.error?.code;
    message = report?.error?.message;
  } catch {
    code = undefined;
  }
  return { status: r.status, ms, rssMb: rssKb / 1024, stdout: r.stdout, code, message };
}
