/// <reference lib="dom" />
/**
 * The UI end to end, in Debian Chromium against the browser harness (same IPC handlers as the app) with SoftHSM
 * tokens shaped like a CNS: drop a PDF and a text file, sign with the PIN (a wrong PIN first), verify the outputs
 * and a tampered file, change the PIN, unblock it with the PUK, certificates, the expiry banner; screenshots of
 * every screen in Italian and English under test-output/screenshots/. Outputs are checked with openssl/pdfsig.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeUiStore } from './demo-store';
import { dropFiles, startUi, type UiSession } from './ui-harness';
import { appendUpdate, contentStream } from '../pdf/support/append-update';
import { pageRefs } from '../../electron/core/pdf/pages';
import type { PdfRef } from '../../electron/core/pdf/pdf-objects';
import {
  findFiles,
  makePdf,
  opensslVerifies,
  pdfsigReport,
  pinWorks,
  shot,
  signatureRects,
  TEXT_CONTENT,
} from './ui-files';

const fx = inject('fixture');
/** the machine is shared with other test files: give the page time */
const POLL = { timeout: 20_000, interval: 100 };
let ui: UiSession;
let page: Page;
let conf: string;
let pdfB64: string;

const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

beforeAll(async () => {
  const root = mkdtempSync(join(fx.root, 'ui-e2e-'));
  conf = makeUiStore(root, fx.pki);
  pdfB64 = (await makePdf()).toString('base64');
  ui = await startUi({ root, softhsmConf: conf, module: fx.module });
  page = ui.page;
  await page.getByRole('region', { name: 'Dispositivo di firma' }).getByText('ROSSI MARIO').waitFor();
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

describe('Sigillo UI in Chromium over the harness', () => {
  it('shows the expiry banner and the renewal wizard for the expiring token', async () => {
    await page.getByRole('combobox', { name: 'Scegli il dispositivo' }).selectOption('CNS-EXPIRING');
    const rail = page.getByRole('region', { name: 'Dispositivo di firma' });
    await expect.poll(() => rail.innerText(), POLL).toContain('scade tra');
    await page
      .getByText(/Il certificato di firma scade il \d\d\/\d\d\/\d{4}\. Puoi rinnovarlo online/)
      .waitFor();
    await shot(page, 'it', 'home-expiring');
    await page.getByRole('button', { name: 'Rinnova ora' }).click();
    await page.getByRole('heading', { name: 'Rinnovo dei certificati' }).waitFor();
    await page.getByRole('heading', { name: '2. Prepara il rinnovo' }).waitFor();
    await shot(page, 'it', 'renewal-wizard');

    await page.getByRole('combobox', { name: 'Scegli il dispositivo' }).selectOption('CNS-EXPIRED');
    await expect.poll(() => rail.innerText(), POLL).toMatch(/scaduto da 1[01] giorni/);
    await nav('Inizio');
    await page.getByText(/Il certificato è scaduto e non può più essere rinnovato/).waitFor();
    await shot(page, 'it', 'home-expired');
    await page.getByRole('button', { name: 'Che cosa devo fare?' }).click();
    await page.getByRole('heading', { name: 'Serve un nuovo dispositivo' }).waitFor();
    await shot(page, 'it', 'renewal-expired');

    await page.getByRole('combobox', { name: 'Scegli il dispositivo' }).selectOption('CNS-ROSSI');
    await nav('Inizio');
    await expect.poll(() => rail.innerText(), POLL).toContain('RSSMRA80A01H501U');
    await shot(page, 'it', 'home');
  });

  it('trusts the test root from Settings (file picker)', async () => {
    await nav('Impostazioni');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Aggiungi un certificato…' }).click();
    await (await chooser).setFiles(fx.pki.rootPem);
    await page
      .getByRole('button', { name: /Rimuovi/ })
      .first()
      .waitFor();
    await shot(page, 'it', 'settings');
  });

  it('drops a PDF and a text file, refuses a wrong PIN without reopening, signs with the right one', async () => {
    await dropFiles(page, [
      { name: 'contratto.pdf', base64: pdfB64, type: 'application/pdf' },
      { name: 'nota.txt', base64: Buffer.from(TEXT_CONTENT).toString('base64'), type: 'text/plain' },
    ]);
    const choose = page.getByRole('dialog');
    await choose.getByRole('heading', { name: 'Che cosa vuoi fare con questi 2 file?' }).waitFor();
    // a PDF and a text file: Sign is the preselected (focused) action
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Firma questi file');
    await shot(page, 'it', 'drop-choice');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '2 file da firmare' }).waitFor();
    await shot(page, 'it', 'sign');

    // visible signature: draw the box on the pdf.js preview of the page
    await page.getByRole('checkbox', { name: /Firma visibile/ }).check();
    await page.getByText(/trascina sulla pagina per disegnare/).waitFor({ timeout: 30_000 });
    const sheet = page.locator('.pdf-page');
    await sheet.scrollIntoViewIfNeeded();
    const area = await sheet.boundingBox();
    if (!area) throw new Error('no preview');
    await page.mouse.move(area.x + 30, area.y + 300);
    await page.mouse.down();
    await page.mouse.move(area.x + 180, area.y + 360, { steps: 5 });
    await page.mouse.up();
    const field = async (name: string) => Number(await page.getByRole('spinbutton', { name }).inputValue());
    const drawn = {
      x: await field('Da sinistra (pt)'),
      y: await field('Dal basso (pt)'),
      w: await field('Larghezza (pt)'),
      h: await field('Altezza (pt)'),
    };
    // 300 px preview of a 595 pt page: ~1.98 pt per pixel, origin bottom-left
    expect(drawn.x).toBeGreaterThan(50);
    expect(drawn.x).toBeLessThan(70);
    expect(drawn.w).toBeGreaterThan(280);
    expect(drawn.w).toBeLessThan(320);
    expect(drawn.y + drawn.h).toBeGreaterThan(230);
    expect(drawn.y + drawn.h).toBeLessThan(260);
    await shot(page, 'it', 'sign-visible-box');

    await page.getByRole('button', { name: 'Firma 2 file' }).click();
    await page.getByLabel('PIN', { exact: true }).fill('00000000');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: /PIN/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('dialog').count()).toBe(0);
    await shot(page, 'it', 'sign-wrong-pin');

    await page.getByRole('button', { name: 'Firma 2 file' }).click();
    await page.getByLabel('PIN', { exact: true }).fill('12345678');
    await shot(page, 'it', 'pin-dialog');
    await page.keyboard.press('Enter');
    await page.getByText('File firmati: 2 di 2.').waitFor({ timeout: 60_000 });
    await shot(page, 'it', 'sign-results');

    const [p7m] = findFiles(ui.outDir, 'nota.txt.p7m');
    expect(p7m).toBeDefined();
    const checked = opensslVerifies(p7m as string, fx.pki.chainPem);
    expect(checked.ok).toBe(true);
    expect(checked.content).toBe(TEXT_CONTENT);
    const pdfs = findFiles(ui.outDir, 'contratto-signed.pdf');
    expect(pdfs).toHaveLength(1);
    expect(pdfsigReport(pdfs[0] as string)).toMatch(/Signature is Valid/);
    const [rect] = await signatureRects(pdfs[0] as string);
    expect(rect).toBeDefined();
    expect(Math.abs((rect?.x ?? 0) - drawn.x)).toBeLessThanOrEqual(1);
    expect(Math.abs((rect?.y ?? 0) - drawn.y)).toBeLessThanOrEqual(1);
    expect(Math.abs((rect?.width ?? 0) - drawn.w)).toBeLessThanOrEqual(1);
  });

  it('verifies the signed outputs, then a tampered copy', async () => {
    await page.getByRole('button', { name: 'Verifica tutti i file firmati' }).click();
    await page.getByRole('heading', { name: 'Risultati (2 file)' }).waitFor({ timeout: 60_000 });
    const table = page.getByRole('table');
    const row = (name: string) => table.getByRole('row').filter({ hasText: name });
    // the test CA's CRL URL is unreachable: intact signatures whose revocation cannot be checked (amber)
    const tryLater = /Non verificabile[\s\S]*Non è stato possibile verificare la revoca del certificato/;
    await expect.poll(() => row('nota.txt.p7m').innerText(), POLL).toMatch(tryLater);
    await expect.poll(() => row('contratto-signed.pdf').innerText(), POLL).toMatch(tryLater);
    await shot(page, 'it', 'verify-batch');
    await row('nota.txt.p7m').getByRole('button').click();
    await page.locator('.sig summary').first().click();
    await page.getByText('documento integro').waitFor();
    expect(await page.locator('.sig').first().innerText()).toContain('RSSMRA80A01H501U');
    await shot(page, 'it', 'verify-details');

    // report PDF and extraction, one click each, checked with poppler and byte for byte
    await page.getByRole('button', { name: 'Esporta rapporto (PDF)' }).click();
    await page.getByText(/^Rapporto salvato: /).waitFor({ timeout: 30_000 });
    const [report] = findFiles(ui.outDir, 'nota.txt.p7m.rapporto-verifica.pdf');
    expect(execFileSync('pdfinfo', [report as string], { encoding: 'utf8' })).toMatch(/Pages:\s+[1-9]/);
    await page.getByRole('button', { name: 'Estrai documento' }).click();
    // beside the .p7m there is already nota.txt (the original): never overwritten, another folder is offered
    await page.getByText(/c’è già un file con lo stesso nome/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Scegli la cartella…' }).click();
    await page.getByText('Documento estratto: nota.txt').waitFor({ timeout: 30_000 });
    expect(readFileSync(join(ui.outDir, 'nota.txt'), 'utf8')).toBe(TEXT_CONTENT);

    // a signed PDF dropped on the window: Verify is preselected (signature dictionary found in its tail)
    const [signedPdf] = findFiles(ui.outDir, 'contratto-signed.pdf');
    await dropFiles(page, [
      {
        name: 'firmato.pdf',
        base64: readFileSync(signedPdf as string).toString('base64'),
        type: 'application/pdf',
      },
    ]);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Verifica questi file');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);

    const [p7m] = findFiles(ui.outDir, 'nota.txt.p7m');
    const bytes = readFileSync(p7m as string);
    const at = bytes.indexOf(Buffer.from('Fattura di prova'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'f'.charCodeAt(0);
    await dropFiles(page, [{ name: 'nota-manomessa.txt.p7m', base64: bytes.toString('base64'), type: '' }]);
    // a .p7m: Verify is the preselected action
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Verifica questi file');
    await page.keyboard.press('Enter');
    await page
      .getByText('Il documento è stato modificato dopo la firma.')
      .first()
      .waitFor({ timeout: 60_000 });
    await shot(page, 'it', 'verify-tampered');

    // the signed PDF with its page text replaced by a later incremental update (issue 18): refused, and the
    // details say what changed and on which page
    const altered = appendUpdate(signedPdf as string, join(ui.outDir, 'contratto-alterato.pdf'), (r) => {
      const catalog = r.latest.dict(r.trailer.get('Root'))!;
      const c = r.latest.dict(pageRefs(r.latest, catalog)[0])!.get('Contents');
      const contents = (Array.isArray(c) ? c[0] : c) as PdfRef; // pdf-lib writes /Contents [n 0 R]
      return [
        [contents.num, contentStream('BT /F1 18 Tf 72 720 Td (IBAN IT00X0000000000000000000000) Tj ET')],
      ];
    });
    await dropFiles(page, [
      {
        name: 'contratto-alterato.pdf',
        base64: readFileSync(altered).toString('base64'),
        type: 'application/pdf',
      },
    ]);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Verifica questi file');
    await page.keyboard.press('Enter');
    await page.getByText('contratto-alterato.pdf', { exact: true }).first().waitFor({ timeout: 60_000 });
    await page.locator('.sig summary').first().click();
    await page.getByText('Il PDF è stato modificato dopo questa firma in modo non consentito.').waitFor();
    const changes = page.getByRole('list', { name: 'Modifiche dopo questa firma' });
    await expect.poll(() => changes.innerText(), POLL).toMatch(/pagina 1/i);
    await shot(page, 'it', 'verify-pdf-altered');
  });

  it('changes the PIN, then unblocks it with the PUK', async () => {
    await nav('PIN e PUK');
    const change = page.getByRole('form', { name: 'Cambia il PIN' });
    await change.getByLabel('PIN attuale').fill('12345678');
    await change.getByLabel('Nuovo PIN', { exact: true }).fill('11223344');
    await change.getByLabel('Ripeti il nuovo PIN').fill('11223344');
    await change.getByRole('button', { name: 'Cambia il PIN' }).click();
    await page.getByText('Fatto: il PIN è stato cambiato.', { exact: false }).waitFor({ timeout: 30_000 });
    await shot(page, 'it', 'pin-changed');
    expect(pinWorks(fx.module, conf, 'CNS-ROSSI', '11223344')).toBe(true);
    expect(pinWorks(fx.module, conf, 'CNS-ROSSI', '12345678')).toBe(false);

    const unblock = page.getByRole('form', { name: 'Sblocca il PIN con il PUK' });
    await unblock.getByLabel('PUK').fill('87654321');
    await unblock.getByLabel('Nuovo PIN', { exact: true }).fill('24682468');
    await unblock.getByLabel('Ripeti il nuovo PIN').fill('24682468');
    await unblock.getByRole('button', { name: 'Sblocca e imposta il nuovo PIN' }).click();
    await page.getByText('Fatto: il PIN è sbloccato', { exact: false }).waitFor({ timeout: 30_000 });
    await shot(page, 'it', 'pin-unblocked');
    expect(pinWorks(fx.module, conf, 'CNS-ROSSI', '24682468')).toBe(true);
  });

  it('shows both certificates side by side', async () => {
    await nav('Certificati');
    await page.getByRole('heading', { name: 'Certificato di firma' }).waitFor();
    await page.getByRole('heading', { name: 'Certificato di autenticazione (CNS)' }).waitFor();
    expect(await page.getByText('RSSMRA80A01H501U').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'it', 'certificates');
    await nav('Verifica');
    await shot(page, 'it', 'verify');
    await page.getByRole('button', { name: 'Informazioni' }).click();
    await shot(page, 'it', 'about');
  });

  it('switches to English and every screen follows', async () => {
    await nav('Impostazioni');
    await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await shot(page, 'en', 'settings');
    const screens: [string, string, string][] = [
      ['Start', 'Welcome to Sigillo', 'home'],
      ['Sign', 'Sign', 'sign'],
      ['Verify', 'Verify', 'verify'],
      ['Certificates', 'Certificates', 'certificates'],
      ['PIN and PUK', 'PIN and PUK', 'pin'],
    ];
    for (const [link, heading, name] of screens) {
      await nav(link);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await shot(page, 'en', name);
    }
    await page.getByRole('button', { name: 'About' }).click();
    await shot(page, 'en', 'about');
    await page.getByRole('combobox', { name: 'Choose the device' }).selectOption('CNS-EXPIRING');
    await page.getByRole('button', { name: 'Renew now' }).click();
    await page.getByRole('heading', { name: 'Certificate renewal' }).waitFor();
    await shot(page, 'en', 'renewal-wizard');
    await nav('Start');
    await page.getByRole('button', { name: 'Remind me later' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Remind me later' }).count(), POLL).toBe(0);
    await nav('Settings');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('dark');
    await shot(page, 'en', 'settings-dark');
    await nav('Verify');
    await shot(page, 'en', 'verify-dark');
    await nav('Start');
    await page.setViewportSize({ width: 900, height: 600 });
    await shot(page, 'en', 'home-900x600');
    expect(ui.pageErrors).toEqual([]);
  });
});
