/// <reference lib="dom" />
/**
 * "Apri il documento firmato" end to end (issue 21 flow 5), in Debian Chromium over the browser harness at
 * 900×600: the button is there and reached with Tab; in the harness the action is a browser download of the
 * right bytes — a p7m's FatturaPA XML as `fattura.xml`, a PDF signature's revision (the exact bytes the first
 * signature covers, one valid signature for pdfsig) as `NAME (firmata da Rossi).pdf`. Italian and English;
 * screenshots in test-output/screenshots/.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { makeUiStore } from './demo-store';
import { dropFiles, pressByKeyboard, startUi, type UiSession } from './ui-harness';
import { pdfsigReport, shot } from './ui-files';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { signFile } from '../pdf/support/signers';

const fx = inject('fixture');
const POLL = { timeout: 30_000, interval: 100 };
let ui: UiSession;
let page: Page;
let root: string;
let xml: string;
let once: string;
let twice: string;

const FATTURA =
  '<?xml version="1.0" encoding="UTF-8"?>\n<p:FatturaElettronica versione="FPR12" ' +
  'xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"><Numero>42</Numero></p:FatturaElettronica>\n';

async function verifyDropped(file: string, name: string, type: string, action: string): Promise<void> {
  await dropFiles(page, [{ name, base64: readFileSync(file).toString('base64'), type }]);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe(action);
  await page.keyboard.press('Enter');
  await page.locator('.verdict-file', { hasText: name }).first().waitFor({ timeout: 60_000 });
}

/** presses the button by keyboard and returns the download it starts, saved under `saveAs` */
async function downloadWith(button: string, saveAs: string): Promise<{ name: string; bytes: Buffer }> {
  const started = page.waitForEvent('download', { timeout: 60_000 });
  await pressByKeyboard(page, button);
  const download: Download = await started;
  const path = join(root, saveAs);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

beforeAll(async () => {
  root = mkdtempSync(join(fx.root, 'ui-open-'));
  xml = join(root, 'fattura.xml');
  writeFileSync(xml, FATTURA);
  opensslCmsSign({ input: xml, out: `${xml}.p7m`, signer: fx.pki.signature });
  once = await signFile(
    fx.pki,
    writeHandwritten(join(root, 'c.pdf'), { pages: 2 }),
    join(root, 'una-firma.pdf'),
  );
  twice = await signFile(fx.pki, once, join(root, 'contratto.pdf'));
  const softhsmConf = makeUiStore(root, fx.pki, false);
  ui = await startUi({ root, softhsmConf, module: fx.module, viewport: { width: 900, height: 600 } });
  page = ui.page;
}, 120_000);

afterAll(() => ui?.close());

describe('open the signed document in Chromium over the harness (900×600)', () => {
  it('a p7m: "Apri il documento firmato" by keyboard downloads fattura.xml, the exact signed bytes', async () => {
    await verifyDropped(`${xml}.p7m`, 'fattura.xml.p7m', 'application/pkcs7-mime', 'Verifica questi file');
    const got = await downloadWith('Apri il documento firmato', 'scaricato-fattura.xml');
    expect(got.name).toBe('fattura.xml');
    expect(got.bytes.toString('utf8')).toBe(FATTURA);
    await page.getByText('fattura.xml scaricato dal browser.').waitFor();
    await page.getByRole('button', { name: 'Apri il documento firmato' }).scrollIntoViewIfNeeded();
    await shot(page, 'it', 'verify-open-signed');
  });

  it('a PDF signed twice: "Apri la versione firmata" of signature 1 downloads the revision it covers', async () => {
    await verifyDropped(twice, 'contratto.pdf', 'application/pdf', 'Verifica questi file');
    expect(await page.getByRole('button', { name: /^Apri la versione firmata/ }).count()).toBe(2);
    const got = await downloadWith('Apri la versione firmata da ROSSI MARIO (firma 1)', 'revisione-1.pdf');
    expect(got.name).toBe('contratto (firmata da Rossi).pdf');
    expect(got.bytes).toEqual(readFileSync(once)); // the first signature covers exactly the file it signed
    const report = pdfsigReport(join(root, 'revisione-1.pdf'));
    expect(report.match(/^Signature #\d+:/gm)).toHaveLength(1);
    expect(report).toMatch(/Signature Validation: Signature is Valid\./);
    await page.getByText('contratto (firmata da Rossi).pdf scaricato dal browser.').waitFor();
    await page
      .getByRole('button', { name: 'Apri la versione firmata da ROSSI MARIO (firma 2)', exact: true })
      .scrollIntoViewIfNeeded();
    await shot(page, 'it', 'verify-open-revision');
  });

  it('in English too', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Impostazioni', exact: true }).click();
    await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await verifyDropped(`${xml}.p7m`, 'fattura.xml.p7m', 'application/pkcs7-mime', 'Verify these files');
    const got = await downloadWith('Open the signed document', 'en-fattura.xml');
    expect([got.name, got.bytes.toString('utf8')]).toEqual(['fattura.xml', FATTURA]);
    await page.getByText('fattura.xml downloaded by the browser.').waitFor();
    await shot(page, 'en', 'verify-open-signed');
    await verifyDropped(twice, 'contratto.pdf', 'application/pdf', 'Verify these files');
    const rev = await downloadWith('Open the signed version, by ROSSI MARIO (signature 1)', 'en-rev.pdf');
    expect(rev.name).toBe('contratto (signed by Rossi).pdf');
    expect(rev.bytes).toEqual(readFileSync(once));
    await page.getByText('contratto (signed by Rossi).pdf downloaded by the browser.').waitFor();
    await shot(page, 'en', 'verify-open-revision');
    expect(ui.pageErrors).toEqual([]);
  });
});
