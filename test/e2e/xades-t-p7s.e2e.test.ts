/// <reference lib="dom" />
/**
 * In Debian Chromium over the harness at 900×600, Italian and English: XAdES signing at level T from the level
 * choice (loopback TSA from Settings; `sigillo verify` of the output reports XAdES-BASELINE-T, xmlsec-free check
 * of the timestamp's imprint by Sigillo), and a detached .p7s verified alone — amber "Non verificabile" with "put
 * the document beside it", never "modified after signing". Screenshots in test-output/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../support/cli';
import type { TestTsa } from '../support/tsa-server';
import { invoiceXml } from '../xades/support/fatturapa-sample';
import { findFiles, shot } from './ui-files';
import { signWithPin as signPin, startLevelsSession, type LevelsSession } from './levels-session';
import { dropFiles, type UiSession } from './ui-harness';

const fx = inject('fixture');
const VIEW = { width: 900, height: 600 };
let session: LevelsSession;
let root: string;
let ui: UiSession;
let page: Page;
let tsa: TestTsa;
let loneP7s = '';

const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
const b64 = (p: string) => readFileSync(p).toString('base64');
const signWithPin = (button: string) => signPin(page, button);

beforeAll(async () => {
  session = await startLevelsSession({
    fxRoot: fx.root,
    module: fx.module,
    folder: 'ui-xades-t-',
    holder: 'BIANCHI LUCA',
    token: 'CNS-XT',
  });
  ({ root, ui, page, tsa } = session);
  // a detached signature made by openssl, its document kept elsewhere
  const doc = join(root, 'contratto.pdf');
  writeFileSync(doc, '%PDF-1.4 contratto\n');
  loneP7s = join(root, 'contratto.pdf.p7s');
  const { certPem, keyPem } = session.signer;
  execFileSync('openssl', [
    ...['cms', '-sign', '-binary', '-in', doc, '-signer', certPem, '-inkey', keyPem],
    ...['-outform', 'DER', '-out', loneP7s],
  ]);
  await page.setViewportSize(VIEW);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('XAdES-T and an unpaired .p7s in the app at 900×600', { timeout: 180_000 }, () => {
  it('signs an invoice as XAdES level T; the CLI reports XAdES-BASELINE-T with a valid timestamp', async () => {
    await nav('Impostazioni');
    await page.getByLabel('Indirizzo del servizio (TSA)').fill(tsa.url);
    const form = page.locator('form').filter({ has: page.getByLabel('Indirizzo del servizio (TSA)') });
    await form.getByRole('button', { name: 'Salva' }).click();
    await form.getByRole('status').waitFor();
    await nav('Firma');
    await dropFiles(page, [
      {
        name: 'IT01234567890_00005.xml',
        base64: Buffer.from(invoiceXml()).toString('base64'),
        type: 'text/xml',
      },
    ]);
    await page.getByRole('button', { name: 'Firma questi file' }).click();
    await page.getByRole('radio', { name: /Firma XAdES/ }).check();
    expect(await page.getByRole('radio', { name: /^LT —/ }).isDisabled()).toBe(true);
    await page.getByRole('radio', { name: /^T —/ }).check();
    await page
      .getByText('Le firme XAdES arrivano fino al livello T (XAdES-T, con marca temporale).')
      .waitFor();
    await page.getByText('Le firme XAdES arrivano').scrollIntoViewIfNeeded();
    await shot(page, 'it', 'sign-xades-t-900');
    await signWithPin('Firma il file');
    await page.getByText('XAdES · livello T').waitFor({ timeout: 90_000 });
    await shot(page, 'it', 'sign-xades-t-results-900');
    const [xml] = findFiles(ui.outDir, 'IT01234567890_00005-signed.xml');
    const trust = join(root, 'trust.pem');
    writeFileSync(
      trust,
      readFileSync(session.ca.rootPem, 'utf8') + readFileSync(session.tsaPki.rootPem, 'utf8'),
    );
    const r = await runCli(['verify', '--json', '--no-tsl', '--trust', trust, xml as string]);
    const s = JSON.parse(r.stdout)[0].signatures[0];
    expect(s.cadesForm).toBe('XAdES-BASELINE-T');
    expect(s.integrity).toBe('valid');
    expect(s.timestamps[0]).toMatchObject({ imprintMatches: true, integrity: 'valid' });
    expect(tsa.requests).toBe(1);
  });

  it('a .p7s dropped alone: amber, "Manca il documento firmato", not "modificato"', async () => {
    await dropFiles(page, [
      { name: 'contratto.pdf.p7s', base64: b64(loneP7s), type: 'application/pkcs7-signature' },
    ]);
    await page.getByRole('dialog').getByRole('button', { name: 'Verifica questi file' }).click();
    const card = page.getByRole('article', { name: 'contratto.pdf.p7s' });
    await card.waitFor({ timeout: 60_000 });
    await expect.poll(() => card.innerText(), { timeout: 30_000 }).toContain('Manca il documento firmato');
    expect(await card.locator('.verdict').getAttribute('class')).toContain('warn');
    expect(await card.innerText()).not.toMatch(/modificato dopo la firma/);
    await shot(page, 'it', 'verify-p7s-alone-900');
    await nav('Impostazioni');
    await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await dropFiles(page, [
      { name: 'contratto.pdf.p7s', base64: b64(loneP7s), type: 'application/pkcs7-signature' },
    ]);
    await page.getByRole('dialog').getByRole('button', { name: 'Verify these files' }).click();
    const en = page.getByRole('article', { name: 'contratto.pdf.p7s' });
    await expect.poll(() => en.innerText(), { timeout: 60_000 }).toContain('The document signed by');
    await shot(page, 'en', 'verify-p7s-alone-900');
    await nav('Sign');
    await page.getByRole('radio', { name: /XAdES signature/ }).check();
    await page.getByText('XAdES signatures go up to level T').scrollIntoViewIfNeeded();
    await shot(page, 'en', 'sign-xades-t-900');
    expect(ui.pageErrors).toEqual([]);
  });
});
