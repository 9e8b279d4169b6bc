/** CLI start-up (`sigillo --version`) vs a bare `node -e 0`, and first-signature latency (tiny file, SoftHSM). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBenchToken } from './bench-token';
import { best, compare, measure, removeDir, scratchDir, sigillo } from './bench-lib';

export function benchStartup(): void {
  const dir = scratchDir('startup');
  try {
    const ours = best(5, () => sigillo(['--version']));
    const bare = best(5, () => measure(process.execPath, ['-e', '0']));
    compare('sigillo --version', ours, 'node -e 0', bare, {});
    const { env } = makeBenchToken(dir);
    const doc = join(dir, 'fattura.xml');
    writeFileSync(doc, '<FatturaElettronica/>\n');
    let n = 0;
    const first = best(3, () => {
      const out = join(dir, `o${n++}`);
      measure('mkdir', [out]);
      return sigillo(['sign', '--format', 'cades', '--out', out, doc], env);
    });
    compare('first signature (sigillo sign, 1 file)', first, 'sigillo --version', ours, {});
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) benchStartup();
