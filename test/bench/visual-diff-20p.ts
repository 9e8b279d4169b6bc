/**
 * Issue 23's time goal: the visual comparison of a 20-page signed PDF changed after signing answers within 10 s
 * on this machine. A 20-page document (text on every page, a few lines each) is signed through the CLI, page 7's
 * text is replaced and an overlay annotation added on page 15 by a later update; then the comparison alone (the
 * built core module, the same thread the CLI and the app use) and `sigillo verify --visual-diff` are timed.
 * Printed, not asserted in a test (the machine is shared). Run by hand: `npm run build && npx tsx test/bench/visual-diff-20p.ts`.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { overlayAnnotation, replaceText } from '../pdf/support/alterations';
import { makeBenchToken } from './bench-token';
import { note, removeDir, scratchDir, sigillo } from './bench-lib';

type VisualModule = typeof import('../../electron/core/pdf/visual/visual-diff');
// the built module: its thread is the compiled visual-thread.js, as in the CLI and the app
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = require('../../dist/electron/core/pdf/visual/visual-diff.js') as VisualModule;

const GOAL_SECONDS = 10;

export async function benchVisualDiff(pages = 20): Promise<boolean> {
  const dir = scratchDir('visual-20p');
  try {
    const { env } = makeBenchToken(dir);
    const input = writeHandwritten(join(dir, 'doc.pdf'), { pages, text: 'Contratto di fornitura, clausola' });
    sigillo(['sign', '--format', 'pades', input], env);
    const signed = join(dir, 'doc-signed.pdf');
    const coveredEnd = statSync(signed).size;
    const altered = overlayAnnotation(
      replaceText(signed, join(dir, 'step.pdf'), 7, 'Importo dovuto: 9.000 EUR'),
      join(dir, 'altered.pdf'),
      15,
      [300, 400, 180, 40],
    );
    const t0 = performance.now();
    const v = await built.visualDiff(altered, [{ signature: 1, coveredEnd }]);
    const seconds = (performance.now() - t0) / 1000;
    const changed = v[0]!.pages.map((p) => p.page).join(', ');
    note(
      `visual diff, ${pages} pages: ${seconds.toFixed(2)} s (goal ≤ ${GOAL_SECONDS} s); changed pages ${changed}; identical ${v[0]!.identical.length}`,
    );
    const cli = sigillo(
      ['verify', '--json', '--offline', '--visual-diff', join(dir, 'png'), altered],
      env,
      true,
    );
    note(
      `sigillo verify --visual-diff, ${pages} pages: ${cli.seconds.toFixed(2)} s, peak RSS ${cli.rssMiB} MiB`,
    );
    return seconds <= GOAL_SECONDS && changed === '7, 15';
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) {
  void benchVisualDiff().then((ok) => {
    process.exitCode = ok ? 0 : 1;
  });
}
