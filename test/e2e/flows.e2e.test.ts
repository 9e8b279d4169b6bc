/// <reference lib="dom" />
/**
 * Issue 21 flows in Debian Chromium over the harness, at 900×600 (the smallest supported window), with SoftHSM
 * tokens shaped like a CNS: a wrong PIN stays in view with the tries left; an existing output is handled before
 * the PIN ("Salva con un altro nome" writes "nota (2).txt.p7m", checked with openssl); XAdES on a PDF is refused
 * in words before the PIN; the visible-signature fields are all readable; the renewal banner names the selected
 * device only; an unsigned file is neutral; the EU trusted lists come from a loopback LOTL, by themselves at
 * start and with "Aggiorna" in Settings. Then every screen in it/en × light/dark, written to
 * test-output/screenshots/ (flow*.png, tour-*.png).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { makeUiStore } from './demo-store';
import { startDocServer, type DocServer } from '../tsl/support/tsl-server';
import { makeSigner, signWithXmlCrypto, signWithXmlsec } from '../tsl/support/xml-signers';
import { GRANTED_FOR_ESIG, lotlList, memberList } from '../tsl/support/cli-scenario';
import { dropFiles, startUi, type UiSession } from './ui-harness';
import { findFiles, makePdf, opensslVerifies, shot, TEXT_CONTENT } from './ui-files';

const fx = inject('fixture');
const POLL = { timeout: 20_000, interval: 100 };
const VIEW = { width: 900, height: 600 };
let ui: UiSession;
let page: Page;
let pdfB64: string;
let lotl: DocServer;

const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
const text = (name: string, body: string) => ({
  name,
  base64: Buffer.from(body).toString('base64'),
  type: '',
});

/** true when the element is entirely inside the window (no scrolling needed to read it) */
async function inView(l: Locator): Promise<boolean> {
  const box = await l.boundingBox();
  const vp = page.viewportSize();
  return (
    !!box &&
    !!vp &&
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= vp.height &&
    box.x + box.width <= vp.width
  );
}

async function dropToSign(files: { name: string; base64: string; type: string }[]): Promise<void> {
  await dropFiles(page, files);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^(Firma questi file|Sign these files)$/ })
    .click();
}

beforeAll(async () => {
  const root = mkdtempSync(join(fx.root, 'flows-e2e-'));
  const conf = makeUiStore(root, fx.pki, true);
  pdfB64 = (await makePdf()).toString('base64');
  // a loopback LOTL signed by a test key, pointing to an Italian list that grants the test CA
  lotl = await startDocServer();
  const lotlSigner = makeSigner(root, 'lotl-signer');
  const itSigner = makeSigner(root, 'it-signer');
  const caDer = new Uint8Array(readFileSync(fx.pki.ca.certDer));
  lotl.set('/TL/TSL-IT.xml', signWithXmlCrypto(memberList('IT', 5, caDer, [GRANTED_FOR_ESIG]), itSigner));
  const pointers = [{ territory: 'IT', location: lotl.url('/TL/TSL-IT.xml'), certificates: [itSigner.der] }];
  lotl.set('/lotl.xml', signWithXmlsec(root, lotlList(300, pointers), lotlSigner));
  ui = await startUi({
    root,
    softhsmConf: conf,
    module: fx.module,
    env: { SIGILLO_LOTL_URL: lotl.url('/lotl.xml'), SIGILLO_LOTL_TRUST: lotlSigner.certPem },
  });
  page = ui.page;
  await page.setViewportSize(VIEW);
  await page.getByRole('region', { name: 'Dispositivo di firma' }).getByText('ROSSI MARIO').waitFor();
  await page.getByRole('combobox', { name: 'Scegli il dispositivo' }).selectOption('CNS-ROSSI');
}, 120_000);

afterAll(async () => {
  await ui?.close();
  await lotl?.close();
});

describe('issue 21 flows at 900×600', () => {
  it('1. a wrong PIN stays in view beside Sign, with the tries left, and a 4-digit PIN cannot be sent', async () => {
    await dropToSign([text('nota.txt', TEXT_CONTENT)]);
    await page.getByRole('heading', { name: 'Un file da firmare' }).waitFor();
    await page.getByRole('button', { name: 'Firma il file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inserisci il PIN' });
    await dialog.getByLabel('PIN', { exact: true }).fill('1234');
    expect(await dialog.getByRole('button', { name: 'Firma', exact: true }).isDisabled()).toBe(true);
    await dialog.getByLabel('PIN', { exact: true }).fill('00000000');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'PIN errato' });
    await alert.waitFor({ timeout: 30_000 });
    // SoftHSM sets "count low" after a wrong PIN: the tries left in words, not "PIN errati were already entered"
    await expect.poll(() => alert.innerText(), POLL).toContain('Restano pochi tentativi prima del blocco.');
    expect(await alert.innerText()).not.toMatch(/già stat/);
    expect(await inView(alert)).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(findFiles(ui.outDir, 'nota.txt.p7m')).toEqual([]);
    await shot(page, 'it', 'flow1-wrong-pin-900');

    // "Riprova" is the user's choice; the dialog then warns that the PIN was already entered wrong
    await alert.getByRole('button', { name: 'Riprova' }).click();
    await page
      .getByRole('dialog', { name: 'Inserisci il PIN' })
      .getByText(/già stato sbagliato/)
      .waitFor();
    await page.getByLabel('PIN', { exact: true }).fill('12345678');
    await page.keyboard.press('Enter');
    await page.getByText('File firmati: 1 di 1.').waitFor({ timeout: 60_000 });
  });

  it('2. an existing output is handled before the PIN: "Salva con un altro nome" writes nota (2).txt.p7m', async () => {
    const [first] = findFiles(ui.outDir, 'nota.txt.p7m');
    expect(first).toBeDefined();
    const before = readFileSync(first as string);
    await nav('Firma');
    await page.getByRole('button', { name: 'Firma il file' }).click();
    const ask = page.getByRole('dialog', { name: 'Il file firmato esiste già' });
    await ask.waitFor({ timeout: 30_000 });
    expect(await ask.innerText()).toContain('nota.txt.p7m — diventerà nota (2).txt.p7m');
    // asked before the PIN: no PIN field anywhere yet
    expect(await page.getByLabel('PIN', { exact: true }).count()).toBe(0);
    expect(await inView(ask)).toBe(true);
    await shot(page, 'it', 'flow2-output-exists-900');
    await ask.getByRole('button', { name: 'Salva con un altro nome' }).click();
    await page.getByLabel('PIN', { exact: true }).fill('12345678');
    await page.keyboard.press('Enter');
    await page.getByText('Salvato come nota (2).txt.p7m').waitFor({ timeout: 60_000 });
    const [second] = findFiles(ui.outDir, 'nota (2).txt.p7m');
    const checked = opensslVerifies(second as string, fx.pki.chainPem);
    expect(checked.ok).toBe(true);
    expect(checked.content).toBe(TEXT_CONTENT);
    expect(readFileSync(first as string).equals(before)).toBe(true);

    // XAdES on a PDF: refused in Italian words before the PIN (not a parser message)
    await dropToSign([{ name: 'contratto.pdf', base64: pdfB64, type: 'application/pdf' }]);
    await page.getByRole('radio', { name: /XAdES/ }).check();
    await page.getByRole('button', { name: /^Firma (il file|2 file)$/ }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'non è un documento XML' });
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.innerText()).toContain('contratto.pdf non è un documento XML');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await inView(problem)).toBe(true);
    await shot(page, 'it', 'flow2-format-900');
  });

  it('3. the visible-signature fields are all readable at 900×600 and 1100×750', async () => {
    await page.getByRole('radio', { name: /Automatico/ }).check();
    await page.getByRole('checkbox', { name: /Firma visibile/ }).check();
    await page.getByText(/trascina sulla pagina per disegnare/).waitFor({ timeout: 30_000 });
    for (const size of [VIEW, { width: 1100, height: 750 }]) {
      await page.setViewportSize(size);
      const names = ['Pagina', 'Da sinistra (pt)', 'Dal basso (pt)', 'Larghezza (pt)', 'Altezza (pt)'];
      const boxes = [];
      for (const name of names) {
        const input = page.getByRole('spinbutton', { name });
        await input.fill(name === 'Pagina' ? '1' : '100000');
        await input.scrollIntoViewIfNeeded();
        // the whole value fits in its box (no clipping) and the box is wide enough to type in
        const fits = await input.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth + 1);
        expect(fits, `${name} at ${size.width}`).toBe(true);
        // measured together, in one frame (the screen scrolls between fields)
        const box = await input.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const f = el.closest('.box-fields')!.getBoundingClientRect();
          return { x: r.x - f.x, y: r.y - f.y, width: r.width, height: r.height };
        });
        expect(box.width).toBeGreaterThanOrEqual(70);
        boxes.push(box);
        // the label is not cut either
        const label = page.locator('.box-fields .label', { hasText: name });
        expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      }
      // no two fields overlap
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const apart =
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `${names[i]} / ${names[j]} at ${size.width}`).toBe(true);
        }
      }
      await page.locator('.box-fields').scrollIntoViewIfNeeded();
      await shot(page, 'it', `flow3-visible-box-${size.width}x${size.height}`);
    }
    await page.setViewportSize(VIEW);
    await page.getByRole('checkbox', { name: /Firma visibile/ }).uncheck();
  });

  it('4. the renewal banner names the selected device, and only speaks of it', async () => {
    const device = page.getByRole('combobox', { name: 'Scegli il dispositivo' });
    await device.selectOption('CNS-EXPIRING');
    await nav('Inizio');
    const banner = page.locator('.banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.locator('.banner-device').innerText()).toBe('CNS-EXPIRING — ROSSI MARIO');
    expect(await banner.innerText()).toMatch(/Il certificato di firma scade il \d\d\/\d\d\/\d{4}/);
    expect(await inView(banner)).toBe(true);
    await shot(page, 'it', 'flow4-banner-900');
    // "Ho rinnovato — controlla di nuovo" answers beside the button (nothing changed on this token)
    await page.getByRole('button', { name: 'Rinnova ora' }).click();
    await page.getByRole('button', { name: 'Ho rinnovato — controlla di nuovo' }).click();
    const answer = page.locator('.check-answer');
    await expect.poll(() => answer.innerText(), POLL).toMatch(/^Nessun cambiamento per ora/);
    await answer.scrollIntoViewIfNeeded();
    await shot(page, 'it', 'flow4-check-again-900');
    // another device selected: its own state only, the expiring one listed on Certificates
    await device.selectOption('CNS-ROSSI');
    await nav('Inizio');
    await expect.poll(() => page.locator('.banner').count(), POLL).toBe(0);
    await nav('Certificati');
    await page.getByRole('heading', { name: 'Certificati di altre carte' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('main').innerText()).toMatch(/Certificato di firma di ROSSI MARIO: scade il/);
    await shot(page, 'it', 'flow4-other-cards-900');
  });

  it('5. an unsigned file is "Nessuna firma trovata", neutral, not "Non valida"', async () => {
    await dropFiles(page, [text('appunti.txt', 'non firmato\n')]);
    await page.getByRole('dialog').getByRole('button', { name: 'Verifica questi file' }).click();
    const card = page.getByRole('article', { name: 'appunti.txt' });
    await card.waitFor({ timeout: 60_000 });
    expect(await card.locator('.verdict').getAttribute('class')).toContain('none');
    expect(await card.innerText()).toContain(
      'Nessuna firma trovata: questo file non è firmato digitalmente.',
    );
    expect(await card.innerText()).not.toContain('Non valida');
    await shot(page, 'it', 'flow5-unsigned-900');
  });

  it('6. the EU trusted lists: fetched by themselves at start from the loopback LOTL, then "Aggiorna"', async () => {
    await nav('Impostazioni');
    const section = page.getByRole('region', { name: 'Elenchi di fiducia UE' });
    await section.scrollIntoViewIfNeeded();
    // the background refresh at start (never updated → stale) already fetched and verified the lists
    await expect
      .poll(() => section.innerText(), POLL)
      .toMatch(/Aggiornati il \d\d\/\d\d\/\d{4} alle \d\d:\d\d: 1 elenchi, 1 servizi caricati\./);
    expect(lotl.hits['/lotl.xml']).toBe(1);
    expect(lotl.hits['/TL/TSL-IT.xml']).toBe(1);
    const update = section.getByRole('button', { name: 'Aggiorna', exact: true });
    await update.click();
    await expect.poll(() => lotl.hits['/lotl.xml'], POLL).toBe(2);
    await update.waitFor({ timeout: 30_000 });
    expect(lotl.hits['/TL/TSL-IT.xml']).toBe(2);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'it', 'flow6-trusted-lists-900');
  });

  it('every screen at 900×600 in Italian and English, light and dark (screenshots)', async () => {
    const words = {
      it: {
        settings: 'Impostazioni',
        lang: 'Lingua',
        theme: 'Tema',
        nav: ['Inizio', 'Firma', 'Verifica', 'Certificati', 'PIN e PUK', 'Impostazioni'],
        about: 'Informazioni',
        device: 'Scegli il dispositivo',
        renew: 'Rinnova ora',
      },
      en: {
        settings: 'Settings',
        lang: 'Language',
        theme: 'Theme',
        nav: ['Start', 'Sign', 'Verify', 'Certificates', 'PIN and PUK', 'Settings'],
        about: 'About',
        device: 'Choose the device',
        renew: 'Renew now',
      },
    } as const;
    const names = ['home', 'sign', 'verify', 'certificates', 'pin', 'settings'];
    let current: 'it' | 'en' = 'it';
    for (const lang of ['it', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const w = words[current];
        await nav(w.settings);
        await page.getByRole('combobox', { name: w.lang }).selectOption(lang);
        current = lang;
        const v = words[lang];
        await page.getByRole('combobox', { name: v.theme }).selectOption(theme);
        await expect
          .poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL)
          .toBe(theme);
        await page.getByRole('combobox', { name: v.device }).selectOption('CNS-EXPIRING');
        for (const [i, name] of names.entries()) {
          await nav(v.nav[i] as string);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await shot(page, lang, `tour-${name}-${theme}`);
        }
        await page.getByRole('button', { name: v.about }).click();
        await shot(page, lang, `tour-about-${theme}`);
        await nav(v.nav[0] as string);
        await page.getByRole('button', { name: v.renew }).click();
        await shot(page, lang, `tour-renewal-${theme}`);
        await page.getByRole('combobox', { name: v.device }).selectOption('CNS-ROSSI');
      }
    }
    // nothing wider than the window at 900×600 (a clipped or overflowing screen scrolls sideways)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEW.width);
    expect(ui.pageErrors).toEqual([]);
  });
});
