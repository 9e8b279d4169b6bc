/**
 * `npm run demo`: makes SoftHSM2 tokens shaped like a CNS (signature + authentication certificates, CA) — a
 * normal one and one about to expire — prints their PINs/PUKs and starts the browser harness on them, with the
 * demo root CA trusted for verification. The demo CA's CRLs and OCSP responder are served on loopback while it
 * runs (test/support/pki-revocation-server.ts), so a file just signed verifies green. Env: SIGILLO_HARNESS_PORT
 * (5178), SIGILLO_DEMO_DIR (default: a new temp folder, removed on exit). `npm run demo -- --tokens-only` makes
 * the tokens and prints the shell lines to use them with the `sigillo` CLI, serving revocation until Ctrl-C.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../support/pki';
import { startPkiRevocationServer } from '../support/pki-revocation-server';
import { addToken, makeSofthsmStore, softhsmModule } from '../support/softhsm';
import { cnsToken } from '../support/global-setup';
import { PIN, SO_PIN } from '../support/fixture';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { writeSettingsFile } from '../../electron/shell/settings/settings-file';
import { runHarness } from '../../electron/harness/harness-main';

async function main(): Promise<void> {
  const given = process.env.SIGILLO_DEMO_DIR;
  const dir = given || mkdtempSync(join(tmpdir(), 'sigillo-demo-'));
  mkdirSync(dir, { recursive: true });
  // a folder the demo made is its own: removed when it ends (Ctrl-C included, through process.exit)
  if (!given) process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  console.log('Creating the demo PKI and SoftHSM2 tokens…');
  const revocation = await startPkiRevocationServer();
  const pki = makeTestPki(join(dir, 'pki'), revocation.urls);
  revocation.serve(pki);
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
  console.log(`  revocation (CRL and OCSP) of the demo CA: ${new URL(pki.crlUrl).origin}`);
  console.log('');
  if (process.argv.includes('--tokens-only')) {
    console.log('To use them with the CLI (in another terminal; keep this one running):');
    console.log(`  export SOFTHSM2_CONF=${conf} SIGILLO_PKCS11_MODULE=${softhsmModule()}`);
    console.log('Ctrl-C stops the revocation services and removes the demo folder.');
    const stop = () => process.exit(0);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
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
