/**
 * Sign a random file (default 1 GiB; BENCH_MIB to change) to .p7m with a SoftHSM token through the CLI vs
 * `openssl cms -sign -binary -stream` with the same key as a file; verify the p7m vs `openssl dgst -sha256` and
 * vs `openssl cms -verify`; peak RSS flat from 10 MiB to the full size. Run by `npm run bench`.
 */
import { join } from 'node:path';
import { makeBenchToken } from './bench-token';
import {
  MIB,
  best,
  compare,
  measure,
  note,
  opensslStreamSignArgs,
  randomFile,
  removeDir,
  scratchDir,
  sigillo,
  warm,
  type Measure,
} from './bench-lib';

function signOnce(dir: string, input: string, env: NodeJS.ProcessEnv): Measure {
  const out = join(dir, `out-${Date.now()}-${Math.random().toString(16).slice(2)}`);
  measure('mkdir', [out]);
  const m = sigillo(['sign', '--format', 'cades', '--out', out, input], env);
  removeDir(out);
  return m;
}

export function benchSignVerify(mib = Number(process.env.BENCH_MIB ?? 1024)): void {
  const dir = scratchDir('sign');
  try {
    const { pki, env } = makeBenchToken(dir);
    const small = randomFile(join(dir, 'small.bin'), 10 * MIB);
    const input = randomFile(join(dir, 'big.bin'), mib * MIB);
    warm(input);
    const smallSign = best(2, () => signOnce(dir, small, env));
    const ours = best(2, () => signOnce(dir, input, env));
    const ossl = best(2, () =>
      measure('openssl', opensslStreamSignArgs(input, join(dir, 'openssl.p7m'), pki.signature)),
    );
    compare(`sign ${mib} MiB → p7m (SoftHSM)`, ours, 'openssl cms -sign -stream', ossl, {
      ratio: 0.5,
      rssMiB: 150,
    });
    note(
      `sign peak RSS: 10 MiB input ${smallSign.rssMiB.toFixed(0)} MiB, ${mib} MiB input ${ours.rssMiB.toFixed(0)} MiB ` +
        `(${Math.abs(ours.rssMiB - smallSign.rssMiB) <= 20 ? 'flat OK' : 'NOT flat'})`,
    );
    const p7m = join(dir, 'big.bin.p7m');
    sigillo(['sign', '--format', 'cades', input], env);
    warm(p7m);
    const verify = best(2, () =>
      sigillo(['verify', '--offline', '--json', '--trust', pki.rootPem, p7m], env, true),
    );
    if (verify.code > 1) throw new Error(`verify failed: ${verify.stderr}`);
    const dgst = best(2, () => measure('openssl', ['dgst', '-sha256', input]));
    compare(`verify ${mib} MiB p7m`, verify, 'openssl dgst -sha256 (content)', dgst, {
      ratio: 2,
      rssMiB: 150,
    });
    if (process.env.BENCH_SKIP_OPENSSL_VERIFY !== '1') {
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
      compare(`verify ${mib} MiB p7m`, verify, 'openssl cms -verify', osslVerify, {});
    }
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) benchSignVerify();
