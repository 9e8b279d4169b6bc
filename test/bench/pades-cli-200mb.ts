/**
 * PAdES-sign a 200 MB PDF (BENCH_PDF_MIB to change) through the CLI (process start-up included; pades-200mb.ts
 * measures the in-process signPades) with a SoftHSM token vs copying the file and hashing the copy (`cp` +
 * `openssl dgst -sha256`); goal ≤ 1.25× (issue 22), best of 3 in turns. The signed output must be the original
 * bytes plus an increment (the bench would otherwise time a wrong output). Run by `npm run bench`.
 */
import { openSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handwrittenPdf } from '../pdf/support/make-pdf';
import { makeBenchToken } from './bench-token';
import {
  MIB,
  best,
  bestPair,
  compare,
  measure,
  note,
  removeDir,
  scratchDir,
  sigillo,
  warm,
} from './bench-lib';

/** the output starts with the input's bytes (a sample of 1 MiB blocks) and is longer */
function isIncrementOf(input: string, output: string): boolean {
  const size = statSync(input).size;
  if (statSync(output).size <= size) return false;
  const [a, b] = [openSync(input, 'r'), openSync(output, 'r')];
  try {
    const x = Buffer.alloc(MIB);
    const y = Buffer.alloc(MIB);
    for (const at of [0, Math.floor(size / 2), Math.max(size - MIB, 0)]) {
      const n = readSync(a, x, 0, MIB, at);
      if (readSync(b, y, 0, MIB, at) !== n || !x.subarray(0, n).equals(y.subarray(0, n))) return false;
    }
    return true;
  } finally {
    closeSync(a);
    closeSync(b);
  }
}

export function benchPades(mib = Number(process.env.BENCH_PDF_MIB ?? 200)): void {
  const dir = scratchDir('pades');
  try {
    const { env } = makeBenchToken(dir);
    const pdf = join(dir, 'big.pdf');
    writeFileSync(pdf, handwrittenPdf({ padding: mib * MIB }));
    warm(pdf);
    let n = 0;
    let last = '';
    const copy = join(dir, 'copy.pdf');
    const [ours, base] = bestPair(
      3,
      () => {
        const out = join(dir, `o${n++}`);
        measure('mkdir', [out]);
        last = join(out, 'big-signed.pdf');
        return sigillo(['sign', '--format', 'pades', '--out', out, pdf], env);
      },
      () => measure('sh', ['-c', 'rm -f "$2" && cp "$1" "$2" && openssl dgst -sha256 "$2"', 'cp', pdf, copy]),
    );
    if (!isIncrementOf(pdf, last)) throw new Error(`${last} is not ${pdf} plus an increment`);
    compare(`PAdES sign ${mib} MB PDF`, ours, 'cp + openssl dgst -sha256', base, { ratio: 1.25 });
    // the fixed cost (node start-up, module load, token login) measured on a one-page PDF, for the net figure
    const tiny = join(dir, 'tiny.pdf');
    writeFileSync(tiny, handwrittenPdf());
    const fixed = best(3, () => {
      const out = join(dir, `t${n++}`);
      measure('mkdir', [out]);
      return sigillo(['sign', '--format', 'pades', '--out', out, tiny], env);
    });
    const net = Math.max(ours.seconds - fixed.seconds, 0);
    note(
      `PAdES sign ${mib} MB net of the fixed cost (${fixed.seconds.toFixed(2)} s, ` +
        `${fixed.rssMiB.toFixed(0)} MiB for a 1-page PDF): ` +
        `${net.toFixed(2)} s = ${(net / Math.max(base.seconds, 0.001)).toFixed(2)}× cp + hash`,
    );
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) benchPades();
