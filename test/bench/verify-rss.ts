/**
 * Not part of `npm test`: makes a nested p7m of a sparse file (size in MiB as first argument, default 1024) with
 * `openssl cms -sign -stream` (BER, inner) then again (outer), and verifies and extracts it, printing the time and
 * the peak RSS of this process after each step. Run: `npx tsx test/bench/verify-rss.ts [MiB]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { extractFile } from '../../electron/core/verify/extract';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { makeTestPki } from '../support/pki';
import { opensslStreamSignArgs, peakMiB, step } from './bench-lib';

const mib = Number(process.argv[2] ?? 1024);

function sign(input: string, out: string, pki: ReturnType<typeof makeTestPki>): void {
  execFileSync('openssl', opensslStreamSignArgs(input, out, pki.signature));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sigillo-bench-'));
  try {
    const pki = makeTestPki(join(dir, 'pki'));
    const input = join(dir, 'big.bin');
    writeFileSync(input, 'start');
    truncateSync(input, mib * 1024 * 1024);
    sign(input, `${input}.p7m`, pki);
    sign(`${input}.p7m`, `${input}.p7m.p7m`, pki);
    rmSync(`${input}.p7m`);
    rmSync(input);
    console.log(`nested p7m of ${mib} MiB made by openssl; peak RSS at start ${peakMiB()} MiB`);
    const r = await step('verify (2 levels)', () =>
      verifyFile(`${input}.p7m.p7m`, { trust: new TrustStore([]) }),
    );
    console.log(r.signatures.map((s) => `depth ${s.depth}: integrity ${s.integrity}`).join(', '));
    const out = join(dir, 'out');
    mkdirSync(out);
    const x = await step('extract', () =>
      extractFile(`${input}.p7m.p7m`, { outDir: out, overwrite: false, force: false }),
    );
    console.log(`extracted ${x.output} (${x.levels} levels), error ${x.error?.code ?? 'none'}`);
    if (r.signatures.some((s) => s.integrity !== 'valid') || x.error) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
