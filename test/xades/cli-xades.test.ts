/**
 * The built CLI (run `npm run build` first): `sigillo sign --format xades` with the SoftHSM token → accepted by
 * xmlsec1; `sigillo verify` (JSON and text) shows the FatturaPA data; `sigillo verify` / `extract` on an ASiC-E.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { MIME_E, stageFiles, writeZip, xadesDetached } from '../asic/support/build-asic';
import { invoiceXml } from './support/fatturapa-sample';
import { xmlsecVerify } from './support/xmlsec';

const fx = inject('fixture');
const env = { SOFTHSM2_CONF: fx.singleConf, SIGILLO_PIN: PIN, SIGILLO_LANG: 'it' };
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'cli-xades-'));
});

describe('sigillo sign/verify/extract with XAdES and ASiC', () => {
  it('sign --format xades with the token → NAME-signed.xml that xmlsec1 and verify accept', async () => {
    const input = join(dir, 'IT01234567890_00009.xml');
    writeFileSync(input, invoiceXml({ number: '9/2026', total: '50.00' }));
    const s = await runCli(['sign', '--json', '--module', fx.module, '--format', 'xades', input], env);
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    const output = join(dir, 'IT01234567890_00009-signed.xml');
    expect(JSON.parse(s.stdout)).toEqual([{ input, output, format: 'xades' }]);
    expect(xmlsecVerify(output, fx.pki).ok).toBe(true);

    const v = await runCli(['verify', '--json', '--offline', '--trust', fx.pki.chainPem, output], env);
    const [report] = JSON.parse(v.stdout) as [
      { format: string; signatures: { integrity: string }[]; fatturapa: { documents: { number: string }[] } },
    ];
    expect(report.format).toBe('xades');
    expect(report.signatures[0]?.integrity).toBe('valid');
    expect(report.fatturapa.documents[0]?.number).toBe('9/2026');
    expect(v.code).toBe(1); // offline: revocation unknown → INDETERMINATE/TRY_LATER

    const text = await runCli(['verify', '--offline', '--trust', fx.pki.chainPem, output], env);
    expect(text.stdout).toContain('Fattura 9/2026 del 20/11/2026, totale 50,00 €');
    expect(text.stdout).toContain('ROSSI');
  });

  it('verify and extract an ASiC-E container', async () => {
    const stage = join(dir, 'stage');
    mkdirSync(stage);
    stageFiles(stage, { 'a.txt': 'uno\n', 'b/c.txt': 'due\n' });
    const sig = xadesDetached(stage, ['a.txt', 'b/c.txt'], fx.pki.signature);
    const container = writeZip(join(dir, 'pacchetto.asice'), MIME_E, [
      ['a.txt', join(stage, 'a.txt')],
      ['b/c.txt', join(stage, 'b/c.txt')],
      ['META-INF/signatures.xml', sig],
    ]);
    const v = await runCli(['verify', '--json', '--offline', '--trust', fx.pki.chainPem, container], env);
    const [report] = JSON.parse(v.stdout) as [{ format: string; container: { files: { name: string }[] } }];
    expect(report.format).toBe('asic-e');
    expect(report.container.files.map((f) => f.name)).toEqual(['a.txt', 'b/c.txt']);
    const out = join(dir, 'out');
    mkdirSync(out);
    const x = await runCli(['extract', '--json', '--out', out, container], env);
    expect(x.code).toBe(0);
    expect(JSON.parse(x.stdout)).toEqual([
      { file: container, output: join(out, 'pacchetto'), error: null, integrity: 'valid', levels: 1 },
    ]);
    expect(readFileSync(join(out, 'pacchetto', 'b', 'c.txt'), 'utf8')).toBe('due\n');
  });
});
