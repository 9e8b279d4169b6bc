/**
 * `sigillo sign --format xades --level T --tsa URL` with the SoftHSM card and the loopback TSA: the invoice gets an
 * enveloped XAdES-T signature (xmlsec1 verifies it, the document bytes stay a prefix/suffix of the output), and
 * `sigillo verify` reports XAdES-BASELINE-T with a valid timestamp. `--level LT` stays refused before the PIN.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { makeTsaPki, startTsaServer, type TestTsa } from '../support/tsa-server';
import { verifyJson } from '../support/verify-json';
import { invoiceXml } from '../xades/support/fatturapa-sample';
import { xmlsecVerify } from '../xades/support/xmlsec';

const fx = inject('fixture');
const base = mkdtempSync(join(fx.root, 'cli-xades-t-'));
let tsa: TestTsa;

beforeAll(async () => {
  tsa = await startTsaServer({ pki: makeTsaPki(join(base, 'tsa')) });
});

afterAll(async () => {
  await tsa?.close();
});

describe('sigillo sign --format xades --level T', () => {
  it('signs with a SignatureTimeStamp that verify reports as XAdES-BASELINE-T; xmlsec1 agrees', async () => {
    const dir = mkdtempSync(join(base, 'ok-'));
    const input = join(dir, 'IT01234567890_00004.xml');
    const text = invoiceXml();
    writeFileSync(input, text);
    const env = { SOFTHSM2_CONF: fx.singleConf, SIGILLO_PIN: PIN };
    const args = ['sign', '--json', '--format', 'xades', '--level', 'T', '--tsa', tsa.url];
    const r = await runCli([...args, '--module', fx.module, input], env);
    expect(r.code, r.stderr).toBe(0);
    const output = join(dir, 'IT01234567890_00004-signed.xml');
    expect(JSON.parse(r.stdout)).toEqual([{ input, output, format: 'xades' }]);
    expect(readFileSync(input, 'utf8')).toBe(text);
    const out = readFileSync(output, 'utf8');
    const at = out.indexOf('<ds:Signature');
    expect(out.slice(0, at) + out.slice(out.indexOf('</ds:Signature>') + '</ds:Signature>'.length)).toBe(
      text,
    );
    expect(out).toContain('<xades:SignatureTimeStamp');
    const x = xmlsecVerify(output, fx.pki);
    expect(x.ok, x.output).toBe(true);
    const v = await verifyJson([
      '--no-tsl',
      '--offline',
      '--trust',
      fx.pki.rootPem,
      '--trust',
      tsa.pki.rootPem,
      output,
    ]);
    const s = v.files[0]?.signatures[0];
    expect(s?.cadesForm).toBe('XAdES-BASELINE-T');
    expect(s?.integrity).toBe('valid');
    expect(s?.timestamps?.[0]).toMatchObject({ imprintMatches: true, integrity: 'valid' });
    expect(v.files[0]?.fatturapa?.documents[0]?.number).toBe('FT-2026/17');
  });

  it('--level LT with XAdES is refused before the PIN, nothing written', async () => {
    const dir = mkdtempSync(join(base, 'lt-'));
    const input = join(dir, 'f.xml');
    writeFileSync(input, invoiceXml());
    const r = await runCli(
      [
        'sign',
        '--json',
        '--format',
        'xades',
        '--level',
        'LT',
        '--tsa',
        tsa.url,
        '--module',
        fx.module,
        input,
      ],
      { SOFTHSM2_CONF: fx.singleConf },
    );
    expect(r.code).toBe(2); // LEVEL_UNSUPPORTED is a usage error
    expect(`${r.stdout}${r.stderr}`).toMatch(/B and T for XAdES|B e T per XAdES/);
    expect(readdirSync(dir)).toEqual(['f.xml']);
  });
});
