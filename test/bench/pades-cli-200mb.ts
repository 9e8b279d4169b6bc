/**
 * PAdES-sign a 200 MB PDF (BENCH_PDF_MIB to change) through the CLI (process start-up included; G's
 * pades-200mb.ts measures the in-process signPades) with a SoftHSM token vs copying the file
 * and hashing the copy (`cp` + `openssl dgst -sha256`); goal ≤ 1.5×. Run by `npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handwrittenPdf } from '../pdf/support/make-pdf';
import { makeBenchToken } from './bench-token';
import { MIB, best, compare, measure, note, removeDir, scratchDir, sigillo, warm } from './bench-lib';

export function benchPades(mib = Number(process.env.BENCH_PDF_MIB ?? 200)): void {
  const dir = scratchDir('pades');
  try {
    const { env } = makeBenchToken(dir);
    const pdf = join(dir, 'big.pdf');
    writeFileSync(pdf, handwrittenPdf({ padding: mib * MIB }));
    warm(pdf);
    let n = 0;
    const ours = best(2, () => {
      const out = join(dir, `o${n++}`);
      measure('mkdir', [out]);
      return sigillo(['sign', '--format', 'pades', '--out', out, pdf], env);
    });
    const copy = join(dir, 'copy.pdf');
    const base = best(2, () =>
      measure('sh', ['-c', 'rm -f "$2" && cp "$1" "$2" && openssl dgst -sha256 "$2"', 'cp', pdf, copy]),
    );
    compare(`PAdES sign ${mib} MB PDF`, ours, 'cp + openssl dgst -sha256', base, { ratio: 1.5 });
    // the fixed cost (node start-up, module load, token login) measured on a one-page PDF, for the net figure
    const tiny = join(dir, 'tiny.pdf');
    writeFileSync(tiny, handwrittenPdf());
    const fixed = best(2, () => {
      const out = join(dir, `t${n++}`);
      measure('mkdir', [out]);
      return sigillo(['sign', '--format', 'pades', '--out', out, tiny], env);
    });
    const net = Math.max(ours.seconds - fixed.seconds, 0);
    note(
      `PAdES sign ${mib} MB net of the fixed cost (${fixed.seconds.toFixed(2)} s for a 1-page PDF): ` +
        `${net.toFixed(2)} s = ${(net / Math.max(base.seconds, 0.001)).toFixed(2)}× cp + hash`,
    );
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) benchPades();
