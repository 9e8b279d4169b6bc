/**
 * `sigillo sign --detached` with the SoftHSM card: FILE → FILE.p7s (CAdES detached, the signature certificate,
 * SHA-256), which `openssl cms -verify -content FILE` accepts and `sigillo verify` pairs with FILE; the input is
 * untouched; an existing .p7s is never replaced; PAdES/XAdES or --nest with --detached are usage errors (exit 2,
 * before the PIN); the help lists the option.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { cmsPrint, opensslVerify } from '../cms/helpers';
import { derHex, fileSha256, pemCertsHex } from '../sign/helpers';
import { runCli } from '../support/cli';
import { PIN } from '../support/fixture';

const fx = inject('fixture');
const env = { SOFTHSM2_CONF: fx.singleConf, SIGILLO_PIN: PIN };
const base = mkdtempSync(join(fx.root, 'cli-detached-'));

describe('sigillo sign --detached', () => {
  it('writes FILE.p7s that openssl verifies with -content FILE; verify finds FILE beside it', async () => {
    const dir = join(base, 'ok');
    mkdirSync(dir);
    const input = join(dir, 'fattura.txt');
    writeFileSync(input, 'Fattura n. 7 del 2026\n');
    const before = fileSha256(input);
    const r = await runCli(['sign', '--json', '--detached', '--module', fx.module, input], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ input, output: `${input}.p7s`, format: 'cades' }]);
    expect(fileSha256(input)).toBe(before);
    const p7s = `${input}.p7s`;
    const signers = join(dir, 'signer.pem');
    expect(opensslVerify(p7s, fx.pki.chainPem, { content: input, signers }).ok).toBe(true);
    expect(pemCertsHex(signers)).toEqual([derHex(fx.pki.signature.certDer)]);
    expect(cmsPrint(p7s)).toMatch(/eContent: <ABSENT>/);
    const v = await runCli(['verify', '--json', '--no-tsl', '--offline', '--trust', fx.pki.rootPem, p7s]);
    const report = JSON.parse(v.stdout)[0];
    expect(report.content).toBe(input);
    expect(report.signatures[0].integrity).toBe('valid');
    // a second run never replaces the .p7s
    const again = await runCli(['sign', '--json', '--detached', '--module', fx.module, input], env);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)[0].error.code).toBe('OUTPUT_EXISTS');
    expect(readdirSync(dir).sort()).toEqual(['fattura.txt', 'fattura.txt.p7s', 'signer.pem']);
    // text mode says what was made
    const other = join(base, 'ok-out');
    mkdirSync(other);
    const text = await runCli(['sign', '--detached', '--module', fx.module, '--out', other, input], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/fattura\.txt\.p7s \(CAdES (separata|detached)\)/);
  });

  it('--detached with PAdES, XAdES or --nest is a usage error before the PIN; help lists it', async () => {
    const dir = join(base, 'usage');
    mkdirSync(dir);
    const input = join(dir, 'doc.txt');
    writeFileSync(input, 'x');
    for (const extra of [['--format', 'pades'], ['--format', 'xades'], ['--nest']]) {
      // no SIGILLO_PIN: a PIN prompt would fail differently (exit 1)
      const r = await runCli(['sign', '--detached', ...extra, '--module', fx.module, input], {
        SOFTHSM2_CONF: fx.singleConf,
      });
      expect(r.code, r.stderr).toBe(2);
    }
    expect(readdirSync(dir)).toEqual(['doc.txt']);
    const help = await runCli(['sign', '--help']);
    expect(help.stdout).toContain('--detached');
    expect(help.stdout).toMatch(/\.p7s/);
  });
});
