/// <reference lib="dom" />
/**
 * "Mostra le differenze" end to end (issue 23), in Debian Chromium over the browser harness (the app's IPC
 * handlers, the built card worker rendering with pdf.js + @napi-rs/canvas): a signed 3-page PDF with page 2's
 * text replaced by a later update shows page 2 side by side with the region outlined and says pages 1 and 3
 * are identical; a PDF signed twice (permitted change only) says it is harmless. Italian and English, driven
 * by the keyboard; screenshots in test-output/screenshots/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeUiStore } from './demo-store';
import { dropFiles, pressByKeyboard as pressOn, startUi, type UiSession } from './ui-harness';
import { shot } from './ui-files';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { signFile } from '../pdf/support/signers';
import { replaceText } from '../pdf/support/alterations';

const fx = inject('fixture');
const POLL = { timeout: 30_000, interval: 100 };
let ui: UiSession;
let page: Page;
let altered: string;
let twice: string;

const pressByKeyboard = (name: string) => pressOn(page, name);

async function verifyDropped(file: string, name: string, action: string): Promise<void> {
  await dropFiles(page, [{ name, base64: readFileSync(file).toString('base64'), type: 'application/pdf' }]);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe(action);
  await page.keyboard.press('Enter');
  await page.getByText(name, { exact: true }).first().waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  const root = mkdtempSync(join(fx.root, 'ui-visual-'));
  const signed = await signFile(
    fx.pki,
    writeHandwritten(join(root, 'c.pdf'), { pages: 3 }),
    join(root, 's.pdf'),
  );
  altered = replaceText(signed, join(root, 'contratto-alterato.pdf'), 2, 'Importo dovuto: 9.000 EUR');
  twice = await signFile(fx.pki, signed, join(root, 'contratto-due-firme.pdf'));
  ui = await startUi({ root, softhsmConf: makeUiStore(root, fx.pki, false), module: fx.module });
  page = ui.page;
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

describe('visual differences in Chromium over the harness', () => {
  it('shows the changed page side by side, says the others are identical (Italian, keyboard)', async () => {
    await verifyDropped(altered, 'contratto-alterato.pdf', 'Verifica questi file');
    await pressByKeyboard('Mostra le differenze');
    const img = page.getByRole('img', { name: /^Pagina 2: versione firmata, documento attuale/ });
    await img.waitFor({ timeout: 60_000 });
    // the image arrived whole: the browser decoded it at its real size (3 panels of an A4 page at 1.5×)
    const size = await img.evaluate((i) => [
      (i as HTMLImageElement).naturalWidth,
      (i as HTMLImageElement).naturalHeight,
    ]);
    expect(size).toEqual([3 * 893 + 64, 1263 + 32]);
    await page.getByText(/^Pagina 2: modificata \(\d+,\d+% dei punti\)$/).waitFor();
    await page.getByText('Le pagine 1, 3 sono identiche alla versione firmata.').waitFor();
    // the focus moved to the view's heading; Escape closes it
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Che cosa è cambiato dopo la firma',
    );
    await page.getByRole('heading', { name: 'Che cosa è cambiato dopo la firma' }).scrollIntoViewIfNeeded();
    await shot(page, 'it', 'verify-visual-diff');
    await img.evaluate((i) => i.scrollIntoView({ block: 'center' }));
    await shot(page, 'it', 'verify-visual-diff-page');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('img', { name: /^Pagina 2/ }).count(), POLL).toBe(0);
  });

  it('permitted changes only: says they are harmless, shows no image', async () => {
    await verifyDropped(twice, 'contratto-due-firme.pdf', 'Verifica questi file');
    await pressByKeyboard('Mostra le differenze');
    await page.getByText(/^Dopo questa firma ci sono solo modifiche consentite/).waitFor({ timeout: 60_000 });
    expect(await page.locator('.visual-page img').count()).toBe(0);
    await page.getByText('Questa firma copre tutto il documento.').waitFor();
    await shot(page, 'it', 'verify-visual-harmless');
  });

  it('in English too', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Impostazioni', exact: true }).click();
    await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await verifyDropped(altered, 'contratto-alterato.pdf', 'Verify these files');
    await pressByKeyboard('Show differences');
    await page
      .getByRole('img', { name: /^Page 2: signed version, document now/ })
      .waitFor({ timeout: 60_000 });
    await page.getByText('Pages 1, 3 are identical to the signed version.').waitFor();
    await page
      .getByText('Pages 1, 3 are identical', { exact: false })
      .evaluate((e) => e.scrollIntoView({ block: 'end' }));
    await shot(page, 'en', 'verify-visual-diff');
    expect(ui.pageErrors).toEqual([]);
  });
});
