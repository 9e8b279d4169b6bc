/**
 * `npm run demo`: makes SoftHSM2 tokens shaped like a CNS (signature + authentication certificates, CA) — a
 * normal one and one about to expire — prints their PINs/PUKs and starts the browser harness on them, with the
 * demo root CA trusted for verification. Env: SIGILLO_HARNESS_PORT (5178), SIGILLO_DEMO_DIR (default: a new
 * temp folder). `npm run demo -- --tokens-only` makes the tokens and prints the shell lines to use them with the
 * `sigillo` CLI, without starting the harness.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../support/pki';
import { addToken, makeSofthsmStore, softhsmModule } from '../support/softhsm';
import { cnsToken } from '../support/global-setup';
import { PIN, SO_PIN } from '../support/fixture';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { writeSettingsFile } from '../../electron/shell/settings/settings-file';
import { runHarness } from '../../electron/harness/harness-main';

async function main(): Promise<void> {
  const dir = process.env.SIGILLO_DEMO_DIR || mkdtempSync(join(tmpdir(), 'sigillo-demo-'));
  mkdirSync(dir, { recursive: true });
  console.log('Creating the demo PKI and SoftHSM2 tokens…');
  const pki = makeTestPki(join(dir, 'pki'));
  const conf = makeSofthsmStore(join(dir, 'softhsm'));
  addToken(conf, cnsToken('CNS-ROSSI', pki));
  addToken(conf, cnsToken('CNS-EXPIRING', pki, pki.expiringSignature));
  const dataDir = join(dir, 'user-data');
  writeSettingsFile(dataDir, { ...DEFAULT_SETTINGS, trustFiles: [pki.rootPem] });

  console.log('');
  console.log('Demo tokens (SoftHSM2):');
  console.log(`  CNS-ROSSI     valid certificates            PIN ${PIN}   PUK ${SO_PIN}`);
  console.log(`  CNS-EXPIRING  signature expires in 30 days  PIN ${PIN}   PUK ${SO_PIN}`);
  console.log(`  SOFTHSM2_CONF=${conf}`);
  console.log(`  SIGILLO_PKCS11_MODULE=${softhsmModule()}`);
  console.log(`  demo root CA (trusted in the demo settings): ${pki.rootPem}`);
  console.log(`  root + CA chain for openssl -CAfile: ${pki.chainPem}`);
  console.log('');
  if (process.argv.includes('--tokens-only')) {
    console.log('To use them with the CLI:');
    console.log(`  export SOFTHSM2_CONF=${conf} SIGILLO_PKCS11_MODULE=${softhsmModule()}`);
    return;
  }
  await runHarness({
    ...process.env,
    SOFTHSM2_CONF: conf,
    SIGILLO_PKCS11_MODULE: softhsmModule(),
    SIGILLO_DATA_DIR: dataDir,
    SIGILLO_HARNESS_OUT: join(dir, 'session'),
  });
}

main().catch((e: unknown) => {
  console.error(`demo: ${(e as Error).message}`);
  process.exit(1);
});
