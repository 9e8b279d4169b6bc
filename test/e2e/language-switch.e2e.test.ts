/// <reference lib="dom" />
/**
 * Issue 21 flow 5 in Debian Chromium over the harness, at 900×600: results verified in Italian follow a switch
 * to English — the headline, the explanation, the findings, the revocation words and a file's error — and the
 * report PDF exported after the switch is in English only (pdftotext). The texts expected are the report's own
 * (`sigillo verify --json` of the same files in Italian carries each text with its English twin).
 * Screenshots: test-output/screenshots/{it,en}-lang-switch-*.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FileReport, LocalisedText } from '../../shared/schemas/verify';
import { makeUiStore } from './demo-store';
import { dropFiles, startUi, type UiSession } from './ui-harness';
import { shot } from './ui-files';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { verifyJson } from '../support/verify-json';

const fx = inject('fixture');
const POLL = { timeout: 20_000, interval: 100 };
let ui: UiSession;
let page: Page;
let root: string;
let files: string[];
let reports: FileReport[];

const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** the texts of a report whose two languages differ, each with its twin */
function twins(r: FileReport): LocalisedText[] {
  const all: (LocalisedText | null | undefined)[] = [
    r.errorText,
    ...r.signatures.flatMap((s) => [s.explanationText, ...(s.messageTexts ?? []), s.revocation?.messageText]),
  ];
  return all.filter((x): x is LocalisedText => !!x && x.it !== x.en);
}

beforeAll(async () => {
  root = mkdtempSync(join(fx.root, 'lang-e2e-'));
  const txt = join(root, 'fattura.txt');
  writeFileSync(txt, 'Fattura di prova\n');
  // signed by the fixture's CA: not trusted by the app, and its revocation service is a closed port
  const signed = join(root, 'fattura.txt.p7m');
  opensslCmsSign({ input: txt, out: signed, signer: fx.pki.signature, certfile: fx.pki.caPem });
  const altered = join(root, 'alterata.txt.p7m');
  writeFileSync(
    altered,
    Buffer.from(readFileSync(signed).toString('latin1').replace('Fattura', 'Fatturx'), 'latin1'),
  );
  const damaged = join(root, 'rotta.p7m');
  writeFileSync(damaged, readFileSync(signed).subarray(0, 200));
  files = [signed, altered, damaged];
  const cli = await verifyJson(files, { SIGILLO_LANG: 'it' });
  reports = cli.files;
  ui = await startUi({ root, softhsmConf: makeUiStore(root, fx.pki, false), module: fx.module });
  page = ui.page;
  await page.setViewportSize({ width: 900, height: 600 });
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

describe('issue 21 flow 5: old results follow a language switch', () => {
  it('verified in Italian, shown in English after the switch, and the report PDF made then is English only', async () => {
    expect(reports.map((r) => twins(r).length > 0)).toEqual([true, true, true]);
    await dropFiles(
      page,
      files.map((f) => ({
        name: f.split('/').pop() as string,
        base64: readFileSync(f).toString('base64'),
        type: '',
      })),
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Verifica questi file' }).click();
    const table = page.getByRole('table');
    await table.waitFor({ timeout: 60_000 });
    await expect.poll(() => table.locator('tbody tr').count(), POLL).toBe(3);
    // the first file's details: open every signature
    await table.getByRole('button', { name: 'fattura.txt.p7m', exact: true }).click();
    const card = page.getByRole('article', { name: 'fattura.txt.p7m' });
    await card.waitFor();
    await card.locator('summary').first().click();
    const before = flat(await page.locator('main').innerText());
    const [signedTexts, alteredTexts, damagedTexts] = reports.map(twins) as [
      LocalisedText[],
      LocalisedText[],
      LocalisedText[],
    ];
    // in Italian now: the signature's own texts, the other files' sentences (the error inside its headline)
    const shown = signedTexts.filter((x) => before.includes(flat(x.it)));
    expect(shown.length).toBeGreaterThan(1);
    expect(before).toContain(flat(damagedTexts[0]!.it));
    expect(alteredTexts.length).toBeGreaterThan(0);
    await shot(page, 'it', 'lang-switch-before-900');

    await nav('Impostazioni');
    await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
    await nav('Verify');
    // the same result (not verified again), its row opened again
    await table.getByRole('button', { name: 'fattura.txt.p7m', exact: true }).click();
    await card.waitFor();
    if ((await card.locator('details').first().getAttribute('open')) === null)
      await card.locator('summary').first().click();
    const after = flat(await page.locator('main').innerText());
    for (const x of shown) {
      expect(after).toContain(flat(x.en));
      expect(after).not.toContain(flat(x.it));
    }
    expect(after).toContain(`The file could not be verified: ${flat(damagedTexts[0]!.en)}`);
    expect(after).not.toMatch(/Firma valida|non è valid|Impossibile verificare|modificato dopo la firma/);
    await shot(page, 'en', 'lang-switch-after-900');
    await card.locator('ul.messages').last().scrollIntoViewIfNeeded();
    await shot(page, 'en', 'lang-switch-findings-900');

    await card.getByRole('button', { name: 'Export report (PDF)' }).click();
    await page.getByText(/^Report saved: /).waitFor({ timeout: 30_000 });
    const pdf = readdirSync(ui.outDir).find((f) => f.endsWith('.pdf'));
    expect(pdf).toBeTruthy();
    const text = flat(execFileSync('pdftotext', [join(ui.outDir, pdf as string), '-'], { encoding: 'utf8' }));
    expect(text).toContain('Digital signature verification report');
    for (const x of signedTexts) {
      expect(text).toContain(flat(x.en));
      expect(text).not.toContain(flat(x.it));
    }
    expect(text).not.toMatch(/\b(Rapporto|Firma|Esito|Firmatario|Revoca|Catena|Dettagli)\b/);
    expect(ui.pageErrors).toEqual([]);
  });
});
