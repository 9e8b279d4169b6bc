/**
 * `sigillo pin change` and `sigillo pin unblock` (the built CLI) on SoftHSM2 tokens in this file's own store; the
 * result is checked with OpenSC's pkcs11-tool signing and openssl verifying, independently of Sigillo.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { PIN, SO_PIN } from '../support/fixture';
import { cnsToken } from '../support/global-setup';
import { addToken, makeSofthsmStore } from '../support/softhsm';
import { opensslVerifies } from '../pkcs11/openssl-verify';

const fx = inject('fixture');
const dir = join(fx.root, `hsm-pin-cli-${process.pid}`);
const conf = makeSofthsmStore(dir);
for (const label of ['PIN-A', 'PIN-B', 'PIN-C']) addToken(conf, cnsToken(label, fx.pki));
const base = { SOFTHSM2_CONF: conf };
const mod = ['--module', fx.module];

/** Signs with pkcs11-tool using `pin` and checks the signature with openssl; false when the login fails. */
function pkcs11ToolSigns(label: string, pin: string): boolean {
  const data = join(dir, `data-${label}`);
  const sig = join(dir, `sig-${label}`);
  writeFileSync(data, `sigillo ${label} ${Date.now()}`);
  try {
    execFileSync(
      'pkcs11-tool',
      [
        '--module',
        fx.module,
        '--token-label',
        label,
        '--login',
        '--pin',
        pin,
        '--sign',
        '--id',
        '02',
        '--mechanism',
        'SHA256-RSA-PKCS',
        '--input-file',
        data,
        '--output-file',
        sig,
      ],
      { env: { ...process.env, ...base }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch {
    return false;
  }
  return opensslVerifies(fx.pki.signature.certPem, 'sha256', readFileSync(data), readFileSync(sig));
}

function noSecretIn(text: string, ...secrets: string[]): void {
  for (const s of secrets) expect(text).not.toContain(s);
}

describe('sigillo pin change', () => {
  it('refuses a new PIN outside 5–8 digits before touching the card', async () => {
    const r = await runCli(['pin', 'change', '--token', 'PIN-A', ...mod], {
      ...base,
      SIGILLO_PIN: '00000000',
      SIGILLO_NEW_PIN: '12ab',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('5–8 digits');
    noSecretIn(r.stdout + r.stderr, '12ab', '00000000');
    // the wrong current PIN was never tried: no warning before the next entry
    const again = await runCli(['pin', 'change', '--token', 'PIN-A', ...mod], {
      ...base,
      SIGILLO_PIN: PIN,
      SIGILLO_NEW_PIN: '123456789',
    });
    expect(again.code).toBe(1);
    expect(again.stderr).not.toContain('Warning');
    expect(pkcs11ToolSigns('PIN-A', PIN)).toBe(true);
  });

  it('a wrong current PIN fails once, and the next entry is warned', async () => {
    const r = await runCli(['pin', 'change', '--token', 'PIN-A', '--json', ...mod], {
      ...base,
      SIGILLO_PIN: '99999999',
      SIGILLO_NEW_PIN: '24681357',
    });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(out.error.code).toBe('PIN_INCORRECT');
    noSecretIn(r.stdout + r.stderr, '99999999', '24681357');
    const next = await runCli(['pin', 'change', '--token', 'PIN-A', ...mod], {
      ...base,
      SIGILLO_PIN: PIN,
      SIGILLO_NEW_PIN: '1',
    });
    expect(next.stderr).toContain('the PIN was already entered wrong');
  });

  it('changes the PIN: the old one no longer signs, the new one does', async () => {
    const r = await runCli(['pin', 'change', '--token', 'PIN-A', '--json', ...mod], {
      ...base,
      SIGILLO_PIN: PIN,
      SIGILLO_NEW_PIN: '24681357',
    });
    expect(r.stderr).not.toContain('✖'); // the warning of the earlier wrong entry may show
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, operation: 'pin-change', token: 'PIN-A' });
    noSecretIn(r.stdout, PIN, '24681357');
    expect(pkcs11ToolSigns('PIN-A', PIN)).toBe(false);
    expect(pkcs11ToolSigns('PIN-A', '24681357')).toBe(true);
  });

  it('needs a terminal or the variables, and names the device to use when there are several', async () => {
    const r = await runCli(['pin', 'change', '--token', 'PIN-B', ...mod], base);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SIGILLO_PIN');
    const amb = await runCli(['pin', 'change', ...mod], {
      ...base,
      SIGILLO_PIN: PIN,
      SIGILLO_NEW_PIN: '13572468',
    });
    expect(amb.code).toBe(1);
    expect(amb.stderr).toContain('--token');
  });
});

describe('sigillo pin unblock', () => {
  it('a wrong PUK fails cleanly and changes nothing', async () => {
    const r = await runCli(['pin', 'unblock', '--token', 'PIN-B', ...mod], {
      ...base,
      SIGILLO_PUK: '11223344',
      SIGILLO_NEW_PIN: '13572468',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Wrong PUK.');
    noSecretIn(r.stdout + r.stderr, '11223344', '13572468');
    expect(pkcs11ToolSigns('PIN-B', PIN)).toBe(true);
  });

  it('sets a new PIN with the PUK: the new PIN signs', async () => {
    const r = await runCli(['pin', 'unblock', '--token', 'PIN-C', ...mod], {
      ...base,
      SIGILLO_PUK: SO_PIN,
      SIGILLO_NEW_PIN: '13572468',
      SIGILLO_LANG: 'it',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PIN sbloccato su "PIN-C".');
    noSecretIn(r.stdout + r.stderr, SO_PIN, '13572468');
    expect(pkcs11ToolSigns('PIN-C', '13572468')).toBe(true);
    expect(pkcs11ToolSigns('PIN-C', PIN)).toBe(false);
  });
});
