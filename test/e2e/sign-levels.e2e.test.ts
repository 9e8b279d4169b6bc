/// <reference lib="dom" />
/**
 * Signing levels and the detached option from the GUI, in Debian Chromium over the harness, against loopback
 * services: a SoftHSM token whose signature certificate comes from a loopback CA (CRL over HTTP) and the loopback
 * TSA entered in Settings. LT signing of a PDF and a text file, checked independently (openssl, qpdf) and by
 * `sigillo verify --offline` with the CA down (only what the files carry counts); then "Firma separata (.p7s)",
 * accepted by `openssl cms -verify -content`. Screenshots in Italian and English (test-output/screenshots/).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LoopbackCa } from '../revocation/support/loopback-ca';
import { opensslVerify } from '../cms/helpers';
import { qpdfCheck } from '../pdf/support/nss';
import { runCli } from '../support/cli';
import type { TestTsa, TsaPki } from '../support/tsa-server';
import { signWithPin as signPin, startLevelsSession, type LevelsSession } from './levels-session';
import { findFiles, makePdf, shot, TEXT_CONTENT } from './ui-files';
import { dropFiles, type UiSession } from './ui-harness';

const fx = inject('fixture');
const POLL = { timeout: 30_000, interval: 100 };
let session: LevelsSession;
let root: string;
let ui: UiSession;
let page: Page;
let ca: LoopbackCa;
let tsa: TestTsa;
let tsaPki: TsaPki;

const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

beforeAll(async () => {
  session = await startLevelsSession({
    fxRoot: fx.root,
    module: fx.module,
    folder: 'ui-levels-',
    holder: 'VERDI ANNA',
    token: 'CNS-LT',
  });
  ({ root, ui, page, ca, tsa, tsaPki } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

/** `sigillo verify --json --offline` with the CA's CRL service down: the first signature's report */
async function verifyOffline(file: string) {
  const trust = join(root, 'trust.pem');
  execFileSync('sh', ['-c', `cat "${ca.rootPem}" "${tsaPki.rootPem}" > "${trust}"`]);
  ca.crlUp = false;
  try {
    const r = await runCli(['verify', '--json', '--offline', '--no-tsl', '--trust', trust, file], {
      HOME: mkdtempSync(join(root, 'home-')),
    });
    return JSON.parse(r.stdout)[0].signatures[0];
  } finally {
    ca.crlUp = true;
  }
}

const signWithPin = (button: string) => signPin(page, button);

describe('signing levels and detached signatures in the app', { timeout: 180_000 }, () => {
  it('sets the TSA in Settings; without it the levels above B are disabled and explained', async () => {
    await nav('Firma');
    await dropFiles(page, [
      { name: 'contratto.pdf', base64: (await makePdf()).toString('base64'), type: 'application/pdf' },
      { name: 'nota.txt', base64: Buffer.from(TEXT_CONTENT).toString('base64'), type: 'text/plain' },
    ]);
    await page.getByRole('button', { name: 'Firma questi file' }).click();
    await page.getByRole('heading', { name: '2 file da firmare' }).waitFor();
    expect(await page.getByRole('radio', { name: /^LT —/ }).isDisabled()).toBe(true);
    await page.getByText(/richiedono un servizio di marca temporale/).waitFor();

    await nav('Impostazioni');
    await page.getByLabel('Indirizzo del servizio (TSA)').fill(tsa.url);
    const form = page.locator('form').filter({ has: page.getByLabel('Indirizzo del servizio (TSA)') });
    await form.getByRole('button', { name: 'Salva' }).click();
    await form.getByRole('status').waitFor();
    for (const pem of [ca.rootPem, tsaPki.rootPem]) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Aggiungi un certificato…' }).click();
      await (await chooser).setFiles(pem);
    }
    await expect.poll(() => page.getByRole('button', { name: /^Rimuovi/ }).count(), POLL).toBe(2);
  });

  it('signs a PDF and a text file at level LT: LT data inside, valid offline with the CA down', async () => {
    await nav('Firma');
    await page.getByText(`Marca temporale da ${tsa.url}.`).waitFor();
    await page.getByRole('radio', { name: /^LT —/ }).check();
    await shot(page, 'it', 'sign-level-lt');
    await signWithPin('Firma 2 file');
    await page.getByText('File firmati: 2 di 2.').waitFor({ timeout: 90_000 });
    await page.getByText('PAdES · livello LT').waitFor();
    await page.getByText('CAdES (.p7m) · livello LT').waitFor();
    await shot(page, 'it', 'sign-lt-results');

    const [p7m] = findFiles(ui.outDir, 'nota.txt.p7m');
    const [pdf] = findFiles(ui.outDir, 'contratto-signed.pdf');
    expect(opensslVerify(p7m as string, ca.rootPem).ok).toBe(true);
    // certificate-values and revocation-values (CAdES-LT) after the signature timestamp
    const printed = execFileSync(
      'openssl',
      ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', p7m as string],
      {
        encoding: 'utf8',
      },
    );
    expect(printed).toMatch(/1\.2\.840\.113549\.1\.9\.16\.2\.14|signatureTimeStampToken/);
    expect(printed).toMatch(/1\.2\.840\.113549\.1\.9\.16\.2\.23|certValues/);
    expect(printed).toMatch(/1\.2\.840\.113549\.1\.9\.16\.2\.24|revocationValues/);
    expect(qpdfCheck(pdf as string).ok).toBe(true);
    expect(readFileSync(pdf as string).includes('/DSS')).toBe(true);
    for (const f of [p7m as string, pdf as string]) {
      expect(await verifyOffline(f)).toMatchObject({ indication: 'TOTAL_PASSED', hasTimestamp: true });
    }

    // the app's own verification of the fresh LT outputs: green
    await page.getByRole('button', { name: 'Verifica tutti i file firmati' }).click();
    await page.getByRole('heading', { name: 'Risultati (2 file)' }).waitFor({ timeout: 60_000 });
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.filter({ hasText: 'nota.txt.p7m' }).innerText(), POLL).toMatch(/Valida/);
    await expect
      .poll(() => rows.filter({ hasText: 'contratto-signed.pdf' }).innerText(), POLL)
      .toMatch(/Valida/);
    await shot(page, 'it', 'verify-lt');
  });

  it('"Firma separata (.p7s)" writes FILE.p7s that openssl verifies with -content FILE', async () => {
    await nav('Firma');
    await page.getByRole('button', { name: 'Rimuovi contratto.pdf' }).click();
    await page.getByRole('checkbox', { name: 'Firma separata (.p7s)' }).check();
    await page.getByRole('radio', { name: /^B —/ }).check();
    await page.getByText(/si crea solo NOME\.p7s/).waitFor();
    await shot(page, 'it', 'sign-detached');
    await signWithPin('Firma il file');
    await page.getByText('Salvato come nota.txt.p7s').waitFor({ timeout: 60_000 });
    await page.getByText('CAdES separata (.p7s) · livello B').waitFor();
    await shot(page, 'it', 'sign-detached-results');
    const [p7s] = findFiles(ui.outDir, 'nota.txt.p7s');
    const content = join(p7s as string, '..', 'nota.txt');
    expect(readFileSync(content, 'utf8')).toBe(TEXT_CONTENT);
    expect(opensslVerify(p7s as string, ca.rootPem).ok).toBe(false);
    expect(opensslVerify(p7s as string, ca.rootPem, { content }).ok).toBe(true);
  });

  it('in English: the same choices, LTA signing of a new file, labelled outputs', async () => {
    await nav('Impostazioni');
    await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await nav('Sign');
    await page.getByRole('button', { name: 'Remove nota.txt' }).click();
    await dropFiles(page, [
      { name: 'verbale.txt', base64: Buffer.from('Verbale LTA\n').toString('base64'), type: 'text/plain' },
    ]);
    await page.getByRole('button', { name: 'Sign these files' }).click();
    await page.getByRole('checkbox', { name: 'Detached signature (.p7s)' }).uncheck();
    await page.getByRole('radio', { name: /^LTA —/ }).check();
    await shot(page, 'en', 'sign-level-lta');
    await signWithPin('Sign the file');
    await page.getByText('CAdES (.p7m) · level LTA').waitFor({ timeout: 90_000 });
    await shot(page, 'en', 'sign-lta-results');
    const [p7m] = findFiles(ui.outDir, 'verbale.txt.p7m');
    expect(opensslVerify(p7m as string, ca.rootPem).ok).toBe(true);
    const s = await verifyOffline(p7m as string);
    expect(s.indication).toBe('TOTAL_PASSED');
    expect(s.timestamps.map((t: { type: string }) => t.type)).toEqual(['signature', 'archive']);
    expect(ui.pageErrors).toEqual([]);
  });
});
