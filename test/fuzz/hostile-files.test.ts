/**
 * Structure-aware fuzzing of the whole CLI (issue 19): each generator class (generators/) builds hostile files —
 * bombs, cycles, huge counts, lying lengths, path tricks — and every one is given to a child
 * `node dist/electron/cli/sigillo.js verify --json --offline --no-tsl`, which must answer within 10 s with a peak
 * RSS ≤ 300 MB, exit 1, and report an error code or a failed verdict: never INTERNAL, never TOTAL_PASSED,
 * never an abort, a stack trace or a hang.
 *
 * FUZZ_CLASS=cms,pdf,xml,zip,files picks classes; without it `npm test` runs every class once
 * (seed 1) and `npm run fuzz` (FUZZ_RUNS set) runs every class for FUZZ_RUNS/2000 rounds of new sizes
 * (FUZZ_SEED to replay a round).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CLI } from '../support/cli';
import { GENERATORS, prng, type HostileCase } from './generators';

const fx = inject('fixture');
const LIMIT_MS = 10_000;
const LIMIT_RSS_KIB = 300 * 1024;
const RSS_REPORTER = join(__dirname, 'support', 'report-rss.cjs');
const fuzzing = Number(process.env.FUZZ_RUNS) > 0;
const classes = (process.env.FUZZ_CLASS?.split(',') ?? Object.keys(GENERATORS))
  .map((c) => c.trim())
  .filter(Boolean);
const rounds = fuzzing ? Math.max(1, Math.round(Number(process.env.FUZZ_RUNS) / 2000)) : 1;
const firstSeed = Number(process.env.FUZZ_SEED) || (fuzzing ? Date.now() % 1e9 : 1);

interface Outcome {
  code: number | null;
  signal: string | null;
  ms: number;
  rssKiB: number | null;
  stdout: string;
  stderr: string;
}

function runVerify(path: string, dir: string): Promise<Outcome> {
  const rssOut = join(dir, 'rss');
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'verify', '--json', '--offline', '--no-tsl', path], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      SIGILLO_LANG: 'en',
      SIGILLO_DATA_DIR: join(dir, 'data'),
      NODE_OPTIONS: `--require ${RSS_REPORTER}`,
      FUZZ_RSS_OUT: rssOut,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS + 1000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const rssKiB = existsSync(rssOut) ? Number(readFileSync(rssOut, 'utf8')) : null;
      resolve({ code, signal, ms: performance.now() - t0, rssKiB, stdout, stderr });
    });
  });
}

interface ReportShape {
  error?: { code?: string } | null;
  signatures?: { indication?: string }[];
}

/** what is wrong with an outcome (empty: it met every limit) */
export function problems(o: Outcome): string[] {
  const out: string[] = [];
  if (o.signal) out.push(`killed by ${o.signal} (hang or abort) after ${o.ms.toFixed(0)} ms`);
  if (o.ms > LIMIT_MS) out.push(`took ${o.ms.toFixed(0)} ms`);
  if (o.rssKiB === null) out.push('no RSS report (abort?)');
  else if (o.rssKiB > LIMIT_RSS_KIB) out.push(`peak RSS ${(o.rssKiB / 1024).toFixed(0)} MB`);
  if (o.code !== 1) out.push(`exit ${o.code}`);
  if (/\n\s+at |Error:|FATAL|Aborted/.test(o.stderr)) out.push(`stack trace: ${o.stderr.slice(0, 300)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(o.stdout);
  } catch {
    out.push(`stdout is not JSON: ${o.stdout.slice(0, 200)}`);
    return out;
  }
  const reports = (Array.isArray(parsed) ? parsed : [parsed]) as ReportShape[];
  for (const r of reports) {
    const code = r.error?.code;
    if (code === 'INTERNAL' || /"INTERNAL"/.test(o.stdout)) out.push('INTERNAL');
    if (r.signatures?.some((s) => s.indication === 'TOTAL_PASSED')) out.push('TOTAL_PASSED');
    const failedVerdict = (r.signatures?.length ?? 0) > 0;
    if (!code && !failedVerdict) out.push(`neither an error code nor a verdict: ${JSON.stringify(r)}`);
  }
  return out;
}

async function runCase(c: HostileCase, base: string): Promise<string | undefined> {
  const dir = mkdtempSync(join(base, 'case-'));
  try {
    const path = c.make(dir);
    const o = await runVerify(path, dir);
    const p = problems(o);
    return p.length ? `${c.name}: ${p.join('; ')}` : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(classes)('hostile %s files against the CLI limits', (cls) => {
  const generator = GENERATORS[cls];
  it(
    `every ${cls} case: ≤ 10 s, ≤ 300 MB, exit 1 with an error code or a failed verdict`,
    async () => {
      expect(generator, `unknown FUZZ_CLASS ${cls}`).toBeDefined();
      const base = mkdtempSync(join(fx.root, `fuzz-${cls}-`));
      const failures: string[] = [];
      for (let r = 0; r < rounds; r++) {
        const seed = firstSeed + r;
        for (const c of generator!(prng(seed))) {
          const f = await runCase(c, base);
          if (f) failures.push(`[seed ${seed}] ${f}`);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
    },
    rounds * 40 * (LIMIT_MS + 2000),
  );
});
