/**
 * The reader's hostile-input bounds (issue 19) must not refuse real big files: a 200 MB PDF (BENCH_PDF_MIB to
 * change) with thousands of pages (BENCH_PDF_PAGES), classic xref and qpdf's object streams, signed through the
 * CLI, then verified through the CLI: no error code, peak RSS under 300 MB. Run by hand (`npx tsx …`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { handwrittenPdf } from '../pdf/support/make-pdf';
import { makeBenchToken } from './bench-token';
import { MIB, note, removeDir, scratchDir, sigillo } from './bench-lib';

/** qpdf's object streams (its warnings about the padded file's xref do not matter here) */
function objectStreams(input: string, output: string): string {
  execFileSync('qpdf', ['--warning-exit-0', '--object-streams=generate', input, output]);
  return output;
}

export function benchLargeVerify(
  mib = Number(process.env.BENCH_PDF_MIB ?? 200),
  pages = Number(process.env.BENCH_PDF_PAGES ?? 5000),
): boolean {
  const dir = scratchDir('pdf-large');
  let ok = true;
  try {
    const { env } = makeBenchToken(dir);
    const plain = join(dir, 'big.pdf');
    writeFileSync(plain, handwrittenPdf({ pages, padding: mib * MIB }));
    for (const [label, input] of [
      ['classic xref', plain],
      ['object streams', objectStreams(plain, join(dir, 'big-os.pdf'))],
    ] as const) {
      const out = input.replace(/\.pdf$/, '-signed.pdf');
      sigillo(['sign', '--format', 'pades', input], env);
      const v = sigillo(['verify', '--json', '--offline', out], env, true);
      const rep = JSON.parse(v.stdout) as {
        error: { code: string } | null;
        signatures: { integrity: string }[];
      }[];
      const good = rep[0]!.error === null && rep[0]!.signatures[0]?.integrity === 'valid' && v.rssMiB < 300;
      ok &&= good;
      note(
        `verify ${mib} MB PDF, ${pages} pages, ${label}: ${v.seconds.toFixed(2)} s, ${v.rssMiB.toFixed(0)} MiB, ` +
          `${rep[0]!.error?.code ?? `integrity ${rep[0]!.signatures[0]?.integrity}`} — ${good ? 'ok' : 'FAIL'}`,
      );
    }
  } finally {
    removeDir(dir);
  }
  return ok;
}

if (require.main === module) process.exitCode = benchLargeVerify() ? 0 : 1;
