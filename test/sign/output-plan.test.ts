/**
 * Issue 21 flow 2: what signing would write is known before the PIN — the output, whether it exists, the first
 * free "NAME (2).ext", and files the format cannot sign (in words, not a parser message); `rename` writes that
 * free name for real and never replaces anything (checked with openssl and byte for byte).
 */
import { describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setLang } from '../../electron/core/i18n/translate';
import { numberedName } from '../../electron/core/files/output-naming';
import { planSignOutput } from '../../electron/core/sign/output-plan';
import { signFile } from '../../electron/core/sign/format-routing';
import { opensslVerify, softwareSigner } from '../cms/helpers';

const fx = inject('fixture');
const base = mkdtempSync(join(fx.root, 'output-plan-'));
let n = 0;
function folder(files: Record<string, string>): string {
  const dir = join(base, `t${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('output plan before the PIN', () => {
  it('numbers the name before its first extension', () => {
    expect(numberedName('/d/contratto.pdf.p7m', 2)).toBe('/d/contratto (2).pdf.p7m');
    expect(numberedName('/d/contratto-signed.pdf', 3)).toBe('/d/contratto-signed (3).pdf');
    expect(numberedName('/d/LEGGIMI', 2)).toBe('/d/LEGGIMI (2)');
    expect(numberedName('/d/.profile', 2)).toBe('/d/.profile (2)');
  });

  it('says the output exists and proposes the first free numbered name', async () => {
    const dir = folder({ 'nota.txt': 'x', 'nota.txt.p7m': 'old', 'nota (2).txt.p7m': 'older' });
    const plan = await planSignOutput(join(dir, 'nota.txt'), 'auto', {});
    expect(plan).toEqual({
      file: join(dir, 'nota.txt'),
      format: 'cades',
      output: join(dir, 'nota.txt.p7m'),
      exists: true,
      freeName: join(dir, 'nota (3).txt.p7m'),
      error: null,
    });
    const free = await planSignOutput(join(dir, 'nota.txt'), 'auto', { outputDir: base });
    expect(free.exists).toBe(false);
    expect(free.freeName).toBeNull();
  });

  it('refuses XAdES on a PDF and PAdES on a text file in Italian words, not a parser message', async () => {
    setLang('it');
    const dir = folder({ 'contratto.pdf': '%PDF-1.7\n%…', 'nota.txt': 'ciao' });
    const xades = await planSignOutput(join(dir, 'contratto.pdf'), 'xades', {});
    expect(xades.error?.code).toBe('FORMAT_NOT_XML');
    expect(xades.error?.message).toContain('non è un documento XML');
    expect(xades.output).toBeNull();
    const pades = await planSignOutput(join(dir, 'nota.txt'), 'pades', {});
    expect(pades.error?.code).toBe('FORMAT_NOT_PDF');
    expect(pades.error?.message).toContain('non è un PDF');
    const missing = await planSignOutput(join(dir, 'manca.txt'), 'auto', {});
    expect(missing.error?.code).toBe('INPUT_NOT_FOUND');
    setLang('en');
  });

  it('rename: writes "NAME (2).ext" at write time and leaves the existing output alone', async () => {
    const dir = folder({ 'nota.txt': 'Fattura di prova\n', 'nota.txt.p7m': 'precious' });
    const r = await signFile('cades', {
      input: join(dir, 'nota.txt'),
      overwrite: false,
      rename: true,
      digest: 'sha256',
      signer: softwareSigner(fx.pki),
      nest: false,
    });
    expect(r.output).toBe(join(dir, 'nota (2).txt.p7m'));
    expect(readFileSync(join(dir, 'nota.txt.p7m'), 'utf8')).toBe('precious');
    expect(opensslVerify(r.output, fx.pki.chainPem).ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['nota (2).txt.p7m', 'nota.txt', 'nota.txt.p7m']);
    // without rename the existing output is still refused
    await expect(
      signFile('cades', {
        input: join(dir, 'nota.txt'),
        overwrite: false,
        digest: 'sha256',
        signer: softwareSigner(fx.pki),
        nest: false,
      }),
    ).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
  });
});
