/**
 * Verify a 200 MB PDF (BENCH_PDF_MIB, BENCH_PDF_PAGES to change) carrying 3 signatures, each a later incremental
 * update (the last covers the whole file), through the CLI (`verify --json --offline`) vs `openssl dgst -sha256`
 * of the same file, both best of 3 in the same run, cache warm (issue 18 / issue 22). Goal: ≤ 1.25× and peak RSS
 * ≤ 100 MiB. The JSON report must be identical to one made with the fast paths off (SIGILLO_NO_FAST=1).
 * Then the two design floors of pdf-design-floor.ts on the same file. Run by `npm run bench`, or alone with
 * `npx tsx test/bench/pdf-verify-200mb.ts` (BENCH_KEEP=1 keeps the file).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handwrittenPdf } from '../pdf/support/make-pdf';
import { makeBenchToken } from './bench-token';
import { CLI, MIB, best, compare, measure, note, removeDir, scratchDir, sigillo, warm } from './bench-lib';
import { pdfDesignFloors } from './pdf-design-floor';

/** the report without what depends on the run (time of checking) */
function stable(json: string): string {
  return json.replace(/"(checkedAt|validationTime|now)":\s*"[^"]*"/g, '"$1":""');
}

export function benchPdfVerify(
  mib = Number(process.env.BENCH_PDF_MIB ?? 200),
  pages = Number(process.env.BENCH_PDF_PAGES ?? 5000),
): boolean {
  const dir = scratchDir('pdf-verify');
  try {
    const { env } = makeBenchToken(dir);
    const pdf = join(dir, 'big.pdf');
    writeFileSync(pdf, handwrittenPdf({ pages, padding: mib * MIB }));
    // three signatures, each an incremental update of the previous signed file
    for (let i = 0; i < 3; i++) {
      sigillo(['sign', '--format', 'pades', pdf], env);
      renameSync(join(dir, 'big-signed.pdf'), pdf);
    }
    warm(pdf);
    const args = ['verify', '--json', '--offline', pdf];
    const slow = sigillo(args, { ...env, SIGILLO_NO_FAST: '1' }, true);
    const ours = best(3, () => sigillo(args, env, true));
    const base = best(3, () => measure('openssl', ['dgst', '-sha256', pdf]));
    const rep = JSON.parse(ours.stdout) as {
      error: unknown;
      signatures: { integrity: string; indication: string }[];
    }[];
    const sigs = rep[0]?.signatures ?? [];
    const allValid =
      rep[0]?.error === null && sigs.length === 3 && sigs.every((s) => s.integrity === 'valid');
    const same = stable(ours.stdout) === stable(slow.stdout);
    note(
      `verify ${mib} MB PDF, 3 signatures: integrity ${sigs.map((s) => s.integrity).join(', ')} ` +
        `(${sigs.map((s) => s.indication).join(', ')}; no trust anchor configured); ` +
        `report ${same ? 'identical to' : 'DIFFERENT from'} SIGILLO_NO_FAST=1 (${slow.seconds.toFixed(2)} s, ` +
        `${slow.rssMiB.toFixed(0)} MiB)`,
    );
    const ok = compare(`verify ${mib} MB PDF, 3 signatures, CLI`, ours, 'openssl dgst -sha256', base, {
      ratio: 1.25,
      rssMiB: 100,
    });
    // what either split of the work over two threads reaches at best on this file (floors, not goals)
    pdfDesignFloors(dir, pdf, join(CLI, '..', '..', '..'), base);
    return ok && same && allValid;
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) process.exitCode = benchPdfVerify() ? 0 : 1;
