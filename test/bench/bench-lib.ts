/**
 * Shared helpers of the benchmarks (`npm run bench`, never part of `npm test`): a scratch folder, random input
 * files, timing of child processes with their peak RSS (GNU time), and one printed line per comparison.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', '..', 'dist', 'electron', 'cli', 'sigillo.js');
export const MIB = 1024 * 1024;

export interface Measure {
  seconds: number;
  /** peak resident set size of the process, MiB */
  rssMiB: number;
  code: number;
  stdout: string;
  stderr: string;
}

export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `sigillo-bench-${name}-`));
}

/** Removes a scratch folder, or keeps it (and says where) when BENCH_KEEP is set, for profiling by hand. */
export function removeDir(dir: string): void {
  if (process.env.BENCH_KEEP) {
    console.log(`kept ${dir}`);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
}

/** A file of random (incompressible, not sparse) bytes. */
export function randomFile(path: string, bytes: number): string {
  execFileSync('openssl', ['rand', '-out', path, String(bytes)]);
  return path;
}

/** `openssl cms -sign -binary -stream` of `input` into an attached DER p7m, SHA-256, with a key file. */
export function opensslStreamSignArgs(
  input: string,
  out: string,
  signer: { certPem: string; keyPem: string },
): string[] {
  return [
    'cms',
    '-sign',
    '-binary',
    '-stream',
    '-nodetach',
    '-outform',
    'DER',
    '-md',
    'sha256',
    '-signer',
    signer.certPem,
    '-inkey',
    signer.keyPem,
    '-in',
    input,
    '-out',
    out,
  ];
}

/**
 * Variables of the machine that make every Node process start slower before any script runs, and that OpenSSL's
 * command-line tools do not read: with `NODE_EXTRA_CA_CERTS` set (this build sandbox sets it for its proxy) Node
 * initialises OpenSSL and loads the named certificates at start (`node -e 0` 23 → 71 ms here). A user's machine
 * normally has none of them, so every measured command runs without them; `BENCH_NODE_ENV=keep` keeps them, and
 * node-floor.ts prints what they cost.
 */
export const NODE_START_VARS = ['NODE_EXTRA_CA_CERTS'] as const;

/** The environment of every measured command: this process's, without NODE_START_VARS (unless kept), plus `env`. */
export function benchEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, SIGILLO_LANG: 'en' };
  if (process.env.BENCH_NODE_ENV !== 'keep') for (const v of NODE_START_VARS) delete base[v];
  return { ...base, ...env };
}

/** Reads a file once so that every contender starts with it in the page cache. */
export function warm(path: string): void {
  execFileSync('sh', ['-c', `cat "$1" > /dev/null`, 'warm', path]);
}

/** Runs a command under GNU time: wall time and peak RSS. Throws when it fails (unless `allowFail`). */
export function measure(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; allowFail?: boolean; cwd?: string } = {},
): Measure {
  const timeOut = join(tmpdir(), `sigillo-bench-time-${process.pid}-${Date.now()}.txt`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeOut, cmd, ...args], {
    env: benchEnv(opts.env),
    cwd: opts.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * MIB,
  });
  const [sec, kb] = readFileSync(timeOut, 'utf8').trim().split('\n').pop()!.split(' ');
  rmSync(timeOut, { force: true });
  const m: Measure = {
    seconds: Number(sec),
    rssMiB: Number(kb) / 1024,
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
  };
  if (m.code !== 0 && !opts.allowFail) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${m.code}): ${m.stderr.slice(0, 2000)}`);
  }
  return m;
}

/** The faster of `n` runs (less noise on a shared machine). */
export function best(n: number, run: () => Measure): Measure {
  let b: Measure | undefined;
  for (let i = 0; i < n; i++) {
    const m = run();
    if (!b || m.seconds < b.seconds) b = m;
  }
  return b!;
}

/**
 * The faster of `n` runs of each contender, run in turns (a, b, a, b …): on a shared machine, load that comes
 * and goes then weighs on both alike.
 */
export function bestPair(n: number, a: () => Measure, b: () => Measure): [Measure, Measure] {
  let ba: Measure | undefined;
  let bb: Measure | undefined;
  for (let i = 0; i < n; i++) {
    const ma = a();
    if (!ba || ma.seconds < ba.seconds) ba = ma;
    const mb = b();
    if (!bb || mb.seconds < bb.seconds) bb = mb;
  }
  return [ba!, bb!];
}

export function sigillo(args: string[], env: NodeJS.ProcessEnv = {}, allowFail = false): Measure {
  return measure(process.execPath, [CLI, ...args], { env, allowFail });
}

export interface Goal {
  /** sigillo time / baseline time must be at most this (or, with `atLeast`, speed-up at least) */
  ratio?: number;
  /** goal is a speed-up: baseline / sigillo ≥ value */
  speedup?: number;
  rssMiB?: number;
}

const results: string[] = [];
let failures = 0;

/** Prints (and remembers for the summary) one comparison line with its verdict. */
export function compare(
  label: string,
  ours: Measure,
  baselineLabel: string,
  base: Measure,
  goal: Goal,
): boolean {
  const ratio = ours.seconds / Math.max(base.seconds, 0.001);
  const checks: string[] = [];
  let ok = true;
  if (goal.ratio !== undefined) {
    const pass = ratio <= goal.ratio;
    ok &&= pass;
    checks.push(`ratio ${ratio.toFixed(2)}× (goal ≤ ${goal.ratio}×) ${pass ? 'OK' : 'MISSED'}`);
  }
  if (goal.speedup !== undefined) {
    const pass = 1 / ratio >= goal.speedup;
    ok &&= pass;
    checks.push(`speed-up ${(1 / ratio).toFixed(1)}× (goal ≥ ${goal.speedup}×) ${pass ? 'OK' : 'MISSED'}`);
  }
  if (goal.ratio === undefined && goal.speedup === undefined) checks.push(`ratio ${ratio.toFixed(2)}×`);
  if (goal.rssMiB !== undefined) {
    const pass = ours.rssMiB <= goal.rssMiB;
    ok &&= pass;
    checks.push(`RSS goal ≤ ${goal.rssMiB} MiB ${pass ? 'OK' : 'MISSED'}`);
  }
  if (!ok) failures++;
  const line =
    `${label}: ${ours.seconds.toFixed(2)} s, peak RSS ${ours.rssMiB.toFixed(0)} MiB | ` +
    `${baselineLabel}: ${base.seconds.toFixed(2)} s, peak RSS ${base.rssMiB.toFixed(0)} MiB | ${checks.join('; ')}`;
  results.push(line);
  console.log(line);
  return ok;
}

/** Checks that a result is the same as the reference result (e.g. the same run without threads or caches). */
export function sameResult(label: string, ours: string, reference: string, referenceLabel: string): void {
  const ok = ours === reference;
  if (!ok) failures++;
  note(`${label}: JSON ${ok ? 'identical to' : 'DIFFERS from'} ${referenceLabel}${ok ? ' OK' : ' MISSED'}`);
}

export function note(line: string): void {
  results.push(line);
  console.log(line);
}

export function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const m = /Model name:\s*(.+)/.exec(execFileSync('lscpu', { encoding: 'utf8' }));
    if (m?.[1]) model = m[1].trim();
  } catch {
    // lscpu missing: keep the os.cpus() model
  }
  const openssl = execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
  return `${cpus().length} CPUs (${model}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, ${openssl}`;
}

export function summary(): number {
  console.log('\n== summary ==');
  for (const r of results) console.log(r);
  console.log(failures === 0 ? 'all goals met' : `${failures} goal(s) missed`);
  return failures;
}

/** Peak RSS of this process so far, in MiB (for the in-process memory benches). */
export const peakMiB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

/** Runs one step of an in-process bench and prints its time and the peak RSS after it. */
export async function step<T>(label: string, fn: () => Promise<T>, width = 28): Promise<T> {
  const t0 = Date.now();
  const r = await fn();
  console.log(
    `${label.padEnd(width)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s   peak RSS ${peakMiB()} MiB`,
  );
  return r;
}
