/**
 * Verify a 200 MB PDF (BENCH_PDF_MIB) carrying 3 signatures, each a later incremental update (the last covers the
 * whole file), through the CLI (`verify --json --offline`) vs `openssl dgst -sha256` of the same file, both best
 * of 3 in the same run, cache warm (issue 18 / issue 22). Goal: ≤ 1.25× and peak RSS ≤ 100 MiB. The JSON report
 * must be identical to one made with the fast paths off (SIGILLO_NO_FAST=1). Two shapes of 200 MB: 50 pages
 * (what a 200 MB PDF usually is: a scan, megabytes per page) and 5000 small pages (10 000 objects, the change
 * analysis's worst case here); BENCH_PDF_PAGES=N measures one shape only. Then the two design floors of
 * pdf-design-floor.ts on the 5000-page file. Run by `npm run bench`, or alone with
 * `npx tsx test/bench/pdf-verify-200mb.ts`.
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

/** the page counts measured: BENCH_PDF_PAGES, or a scan-like file and the many-page one */
function shapes(): number[] {
  const one = process.env.BENCH_PDF_PAGES;
  return one ? [Number(one)] : [50, 5000];
}

export function benchPdfVerify(mib = Number(process.env.BENCH_PDF_MIB ?? 200)): boolean {
  const results = shapes().map((pages, i, all) => benchPdfShape(mib, pages, i === all.length - 1));
  return results.every(Boolean);
}

function benchPdfShape(mib: number, pages: number, floors: boolean): boolean {
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
      `verify ${mib} MB PDF, ${pages} pages, 3 signatures: integrity ${sigs.map((s) => s.integrity).join(', ')} ` +
        `(${sigs.map((s) => s.indication).join(', ')}; no trust anchor configured); ` +
        `report ${same ? 'identical to' : 'DIFFERENT from'} SIGILLO_NO_FAST=1 (${slow.seconds.toFixed(2)} s, ` +
        `${slow.rssMiB.toFixed(0)} MiB)`,
    );
    const ok = compare(
      `verify ${mib} MB PDF, ${pages} pages, 3 signatures, CLI`,
      ours,
      'openssl dgst -sha256',
      base,
      { ratio: 1.25, rssMiB: 100 },
    );
    // what either split of the work over two threads reaches at best on this file (floors, not goals)
    if (floors) pdfDesignFloors(dir, pdf, join(CLI, '..', '..', '..'), base);
    return ok && same && allValid;
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) process.exitCode = benchPdfVerify() ? 0 : 1;
