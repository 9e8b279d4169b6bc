/**
 * 1000 small FatturaPA-sized p7m (BENCH_FILES to change): one `sigillo verify --offline` call, revocation from
 * the cache (filled by one online verification against a loopback CA serving OCSP + CRL), vs a shell loop of
 * `openssl cms -verify`, best of 3 in turns; goal ≥ 10× faster, every file TOTAL_PASSED, and the JSON the
 * same with the speed-ups off (SIGILLO_NO_FAST=1). Also prints the batch-signing time (one login, one PIN).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLoopbackCa } from '../revocation/support/loopback-ca';
import { PIN, SO_PIN } from '../support/fixture';
import { addToken, makeSofthsmStore, softhsmModule } from '../support/softhsm';
import {
  CLI,
  benchEnv,
  bestPair,
  compare,
  measure,
  note,
  removeDir,
  sameResult,
  scratchDir,
  sigillo,
} from './bench-lib';

/** The loopback CA answers from this process: the CLI must run without blocking the event loop. */
function runAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: benchEnv(env),
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
  });
}

function fattura(i: number): string {
  const lines = Array.from(
    { length: 120 },
    (_, k) =>
      `    <DettaglioLinee><NumeroLinea>${k + 1}</NumeroLinea><Descrizione>Servizio ${i}-${k}</Descrizione>` +
      `<PrezzoUnitario>${(k * 3.17).toFixed(2)}</PrezzoUnitario></DettaglioLinee>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<p:FatturaElettronica versione="FPR12">\n${lines.join('\n')}\n</p:FatturaElettronica>\n`;
}

export async function benchVerifyMany(count = Number(process.env.BENCH_FILES ?? 1000)): Promise<void> {
  const dir = scratchDir('many');
  const ca = await startLoopbackCa(join(dir, 'ca'));
  try {
    const cert = ca.issue('bench-signer');
    const conf = makeSofthsmStore(join(dir, 'hsm'));
    addToken(conf, {
      label: 'CNS-BENCH',
      pin: PIN,
      soPin: SO_PIN,
      objects: [{ cert, id: '02', label: 'CNS1', withKey: true }],
    });
    const env = {
      SOFTHSM2_CONF: conf,
      SIGILLO_PKCS11_MODULE: softhsmModule(),
      SIGILLO_PIN: PIN,
      XDG_CONFIG_HOME: join(dir, 'config'),
    };
    const docs = join(dir, 'docs');
    const signed = join(dir, 'signed');
    mkdirSync(docs);
    mkdirSync(signed);
    const files = Array.from({ length: count }, (_, i) => {
      const p = join(docs, `IT01234567890_${String(i).padStart(5, '0')}.xml`);
      writeFileSync(p, fattura(i));
      return p;
    });
    const t0 = Date.now();
    const signRun = await runAsync(['sign', '--format', 'cades', '--out', signed, ...files], env);
    if (signRun.code !== 0) throw new Error('batch signing failed');
    note(
      `batch sign ${count} files of ${fattura(0).length} bytes in one sigillo call: ${((Date.now() - t0) / 1000).toFixed(2)} s`,
    );
    const first = join(signed, 'IT01234567890_00000.xml.p7m');
    const online = await runAsync(['verify', '--json', '--trust', ca.rootPem, first], env);
    if (online.code !== 0) throw new Error(`online verification failed: ${online.stdout.slice(0, 2000)}`);
    const run =
      (extra: NodeJS.ProcessEnv = {}) =>
      () =>
        sigillo(['verify', '--offline', '--json', '--trust', ca.rootPem, signed], { ...env, ...extra }, true);
    const loop = () =>
      measure('sh', [
        '-c',
        'for f in "$1"/*.p7m; do openssl cms -verify -binary -inform DER -in "$f" -CAfile "$2" -purpose any -out /dev/null 2>/dev/null || exit 1; done',
        'loop',
        signed,
        ca.rootPem,
      ]);
    const [ours, base] = bestPair(3, run(), loop);
    const passed = (ours.stdout.match(/"TOTAL_PASSED"/g) ?? []).length;
    if (ours.code !== 0 || passed !== count) {
      throw new Error(`offline verification: ${passed} TOTAL_PASSED of ${count}`);
    }
    const label = `verify ${count} p7m (one call, offline, cached revocation)`;
    compare(label, ours, 'shell loop of openssl cms -verify', base, { speedup: 10 });
    note(`${label}: report complete, ${passed} of ${count} TOTAL_PASSED`);
    sameResult(
      label,
      ours.stdout,
      run({ SIGILLO_NO_FAST: '1' })().stdout,
      'the run without the speed-ups (SIGILLO_NO_FAST=1)',
    );
  } finally {
    await ca.close();
    removeDir(dir);
  }
}

if (require.main === module) void benchVerifyMany();
