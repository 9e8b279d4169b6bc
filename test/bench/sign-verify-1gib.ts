/**
 * Issue 22 goals at 1 GiB (BENCH_MIB to change), each against `openssl dgst -sha256` of the same file measured
 * in the same run, best of 3 in turns: sign a random file to .p7m with a SoftHSM token through the CLI
 * (≤ 1.25×, peak RSS ≤ 100 MiB); `verify --json --offline` of that p7m and of the p7m signed again (--nest,
 * two levels) (≤ 1.25×, ≤ 100 MiB each), whose JSON must be the same as with the speed-ups off
 * (SIGILLO_NO_FAST=1: no hash thread, nested levels spooled). Also printed: openssl cms -sign -stream and openssl cms -verify, a BER
 * (openssl -stream) p7m, and the sign RSS at 10 MiB vs the full size. Run by `npm run bench`.
 */
import { join } from 'node:path';
import { makeBenchToken } from './bench-token';
import {
  MIB,
  best,
  bestPair,
  compare,
  measure,
  note,
  opensslStreamSignArgs,
  randomFile,
  removeDir,
  sameResult,
  scratchDir,
  sigillo,
  warm,
  type Goal,
  type Measure,
} from './bench-lib';

const GOAL: Goal = { ratio: 1.25, rssMiB: 100 };

function signOnce(dir: string, input: string, env: NodeJS.ProcessEnv): Measure {
  const out = join(dir, `out-${Date.now()}-${Math.random().toString(16).slice(2)}`);
  measure('mkdir', [out]);
  const m = sigillo(['sign', '--format', 'cades', '--out', out, input], env);
  removeDir(out);
  return m;
}

const dgst = (file: string) => () => measure('openssl', ['dgst', '-sha256', file]);

/** verify vs openssl dgst of the same file; the JSON must not change with the hash thread off */
function verifyGoal(label: string, file: string, trust: string, env: NodeJS.ProcessEnv, goal = GOAL): void {
  warm(file);
  const run =
    (extra: NodeJS.ProcessEnv = {}) =>
    () =>
      sigillo(['verify', '--offline', '--json', '--trust', trust, file], { ...env, ...extra }, true);
  const [ours, base] = bestPair(3, run(), dgst(file));
  if (ours.code > 1) throw new Error(`verify failed: ${ours.stderr}`);
  compare(label, ours, 'openssl dgst -sha256 (same file)', base, goal);
  sameResult(
    label,
    ours.stdout,
    run({ SIGILLO_NO_FAST: '1' })().stdout,
    'the run without the speed-ups (SIGILLO_NO_FAST=1)',
  );
}

export function benchSignVerify(mib = Number(process.env.BENCH_MIB ?? 1024)): void {
  const dir = scratchDir('sign');
  try {
    const { pki, env } = makeBenchToken(dir);
    const small = randomFile(join(dir, 'small.bin'), 10 * MIB);
    const input = randomFile(join(dir, 'big.bin'), mib * MIB);
    warm(input);
    const smallSign = best(2, () => signOnce(dir, small, env));
    const [ours, base] = bestPair(3, () => signOnce(dir, input, env), dgst(input));
    compare(`sign ${mib} MiB → p7m (SoftHSM)`, ours, 'openssl dgst -sha256 (input)', base, GOAL);
    const ossl = measure('openssl', opensslStreamSignArgs(input, join(dir, 'openssl.p7m'), pki.signature));
    compare(`sign ${mib} MiB → p7m (SoftHSM)`, ours, 'openssl cms -sign -stream (key file)', ossl, {});
    note(
      `sign peak RSS: 10 MiB input ${smallSign.rssMiB.toFixed(0)} MiB, ${mib} MiB input ${ours.rssMiB.toFixed(0)} MiB ` +
        `(${Math.abs(ours.rssMiB - smallSign.rssMiB) <= 20 ? 'flat OK' : 'NOT flat'})`,
    );
    const p7m = join(dir, 'big.bin.p7m');
    sigillo(['sign', '--format', 'cades', input], env);
    verifyGoal(`verify ${mib} MiB p7m`, p7m, pki.rootPem, env);
    sigillo(['sign', '--format', 'cades', '--nest', p7m], env);
    verifyGoal(`verify ${mib} MiB p7m nested 2 levels`, `${p7m}.p7m`, pki.rootPem, env);
    // informational: openssl's own streaming output (BER, 4 KiB fragments) and openssl's verification
    const ber = join(dir, 'openssl.p7m');
    verifyGoal(`verify ${mib} MiB BER p7m (openssl -stream)`, ber, pki.chainPem, env, { rssMiB: 100 });
    if (process.env.BENCH_SKIP_OPENSSL_VERIFY !== '1') {
      const v = sigillo(['verify', '--offline', '--json', '--trust', pki.rootPem, p7m], env, true);
      const osslVerify = measure('openssl', [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        p7m,
        '-CAfile',
        pki.chainPem,
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ]);
      compare(`verify ${mib} MiB p7m`, v, 'openssl cms -verify', osslVerify, {});
    }
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) benchSignVerify();
