/** Inputs for the UI end-to-end test and independent checks of what the app wrote (openssl, pdfsig). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PDFDocument, PDFSignature, StandardFonts } from 'pdf-lib';

export const TEXT_CONTENT = 'Fattura di prova n. 42\n';

export async function makePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Contratto di prova', { x: 50, y: 780, size: 18, font });
  return Buffer.from(await doc.save());
}

/** The widget rectangles of the signature fields of a PDF, read with pdf-lib (independent of our writer). */
export async function signatureRects(
  pdf: string,
): Promise<{ x: number; y: number; width: number; height: number }[]> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  return doc
    .getForm()
    .getFields()
    .filter((f) => f instanceof PDFSignature)
    .flatMap((f) => f.acroField.getWidgets().map((w) => w.getRectangle()));
}

/** Every file under dir whose name is `name` (the harness keeps uploads in per-upload folders). */
export function findFiles(dir: string, name: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...findFiles(full, name));
    else if (entry === name) found.push(full);
  }
  return found;
}

/** openssl's own verdict on a .p7m (integrity + chain to the test root). */
export function opensslVerifies(p7m: string, chainPem: string): { ok: boolean; content: string } {
  const r = spawnSync(
    'openssl',
    ['cms', '-verify', '-binary', '-inform', 'DER', '-in', p7m, '-CAfile', chainPem, '-purpose', 'any'],
    { encoding: 'latin1' },
  );
  return { ok: r.status === 0, content: r.stdout };
}

/** poppler's pdfsig on a signed PDF. */
export function pdfsigReport(pdf: string): string {
  const r = spawnSync('pdfsig', [pdf], { encoding: 'utf8' });
  return `${r.stdout}\n${r.stderr}`;
}

/** Logs in to the token with pkcs11-tool: true when the PIN is accepted. */
export function pinWorks(module: string, conf: string, token: string, pin: string): boolean {
  try {
    execFileSync('pkcs11-tool', ['--module', module, '--token-label', token, '--login', '--pin', pin, '-O'], {
      env: { ...process.env, SOFTHSM2_CONF: conf },
      stdio: 'pipe',
    });
    return true;
  } catch {
    return false;
  }
}

export const SHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');

export async function shot(page: Page, lang: 'it' | 'en', name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${lang}-${name}.png`) });
}
