/**
 * The harness session the signing-level e2e tests share: a loopback CA (CRL/OCSP over HTTP) that issued the
 * token's signature certificate, a loopback TSA, a SoftHSM token holding that certificate and key, and the UI
 * over the harness with the holder shown. `close()` stops all of it.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startLoopbackCa, type LoopbackCa } from '../revocation/support/loopback-ca';
import { PIN, SO_PIN } from '../support/fixture';
import type { IssuedCert } from '../support/pki';
import { addToken, makeSofthsmStore } from '../support/softhsm';
import { makeTsaPki, startTsaServer, type TestTsa, type TsaPki } from '../support/tsa-server';
import { startUi, type UiSession } from './ui-harness';

export interface LevelsSession {
  root: string;
  ui: UiSession;
  page: Page;
  ca: LoopbackCa;
  tsa: TestTsa;
  tsaPki: TsaPki;
  /** the token's signature certificate (issued by `ca`) */
  signer: IssuedCert;
  close(): Promise<void>;
}

export async function startLevelsSession(o: {
  fxRoot: string;
  module: string;
  folder: string;
  holder: string;
  token: string;
}): Promise<LevelsSession> {
  const root = mkdtempSync(join(o.fxRoot, o.folder));
  const ca = await startLoopbackCa(join(root, 'ca'));
  const tsaPki = makeTsaPki(join(root, 'tsa'));
  const tsa = await startTsaServer({ pki: tsaPki });
  const conf = makeSofthsmStore(join(root, 'hsm'));
  const signer = ca.issue(o.holder);
  addToken(conf, {
    label: o.token,
    pin: PIN,
    soPin: SO_PIN,
    objects: [{ cert: signer, id: '02', label: 'CNS1', withKey: true }],
  });
  const ui = await startUi({ root, softhsmConf: conf, module: o.module });
  const page = ui.page;
  // the machine is shared with other test files: give the page time
  page.setDefaultTimeout(60_000);
  await page.getByRole('region', { name: 'Dispositivo di firma' }).getByText(o.holder).waitFor();
  return {
    root,
    ui,
    page,
    ca,
    tsa,
    tsaPki,
    signer,
    close: async () => {
      await ui.close();
      await tsa.close();
      await ca.close();
    },
  };
}

/** Presses the sign button, types the PIN in the dialog and confirms with Enter. */
export async function signWithPin(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.keyboard.press('Enter');
}
