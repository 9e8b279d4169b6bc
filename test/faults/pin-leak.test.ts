/**
 * The PIN never shows: every byte the CLI printed (stdout, stderr, JSON, text, error and crash output) and
 * every file it left in its HOME / config folder is searched for the PIN and new-PIN values, across a wrong
 * PIN, a PIN that cannot be used (not initialised: the locked-PIN stand-in, SoftHSM has no retry counter),
 * a bad module, a module that is not a library, a broken token store, a successful signature and a PIN change.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { cnsToken } from '../support/global-setup';
import { PIN, SO_PIN } from '../support/fixture';
import { addToken, makeSofthsmStore } from '../support/softhsm';

const fx = inject('fixture');
const WRONG = '90817263';
const NEW_PIN = '55128734';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('the PIN never appears in output, errors or files', () => {
  let dir: string;
  let conf: string;
  let noPinConf: string;
  let doc: string;

  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pin-leak-'));
    conf = makeSofthsmStore(join(dir, 'hsm'));
    addToken(conf, cnsToken('CNS-LEAK', fx.pki));
    // a token whose user PIN was never set (own store: pkcs11-tool takes the only, free, slot)
    noPinConf = makeSofthsmStore(join(dir, 'hsm-nopin'));
    execFileSync(
      'pkcs11-tool',
      ['--module', fx.module, '--init-token', '--label', 'CNS-NOPIN', '--so-pin', SO_PIN],
      {
        env: { ...process.env, SOFTHSM2_CONF: noPinConf },
        stdio: 'ignore',
      },
    );
    doc = join(dir, 'fattura.xml');
    writeFileSync(doc, '<FatturaElettronica/>\n');
  });

  async function run(name: string, args: string[], env: NodeJS.ProcessEnv, secrets: string[]) {
    const home = join(dir, `home-${name}`);
    mkdirSync(home);
    const r = await runCli(args, {
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      SOFTHSM2_CONF: conf,
      SIGILLO_PKCS11_MODULE: fx.module,
      ...env,
    });
    const printed = r.stdout + r.stderr;
    for (const s of secrets) {
      expect(printed, `${name} printed the secret`).not.toContain(s);
      expect(printed, `${name} printed the secret (hex)`).not.toContain(Buffer.from(s).toString('hex'));
      for (const f of filesUnder(home))
        expect(readFileSync(f).includes(s), `${name} wrote it in ${f}`).toBe(false);
    }
    expect(printed, `${name}: no stack trace`).not.toMatch(/\n\s+at /);
    return r;
  }

  it('wrong PIN, text and JSON', async () => {
    const text = await run('wrong-text', ['sign', '--token', 'CNS-LEAK', doc], { SIGILLO_PIN: WRONG }, [
      WRONG,
    ]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/PIN/);
    const json = await run(
      'wrong-json',
      ['sign', '--json', '--token', 'CNS-LEAK', doc],
      { SIGILLO_PIN: WRONG },
      [WRONG],
    );
    expect(json.code).toBe(1);
    expect(json.stdout + json.stderr).toContain('PIN_INCORRECT');
  });

  it('a PIN the token cannot use (user PIN never initialised)', async () => {
    const env = { SIGILLO_PIN: WRONG, SOFTHSM2_CONF: noPinConf };
    const r = await run('nopin', ['sign', '--json', doc], env, [WRONG]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/[A-Z_]{6,}/);
  });

  it('a bad module path, a module that is not a library, a broken token store', async () => {
    const notLib = join(dir, 'fake-pkcs11.so');
    writeFileSync(notLib, 'not a shared object');
    for (const [name, env] of [
      ['missing-module', { SIGILLO_PKCS11_MODULE: join(dir, 'missing.so') }],
      ['not-a-library', { SIGILLO_PKCS11_MODULE: notLib }],
      ['broken-store', { SOFTHSM2_CONF: join(dir, 'no-such.conf') }],
    ] as const) {
      const r = await run(name, ['sign', '--json', doc], { SIGILLO_PIN: WRONG, ...env }, [WRONG]);
      expect(r.code, name).toBeGreaterThan(0);
    }
  });

  it('a successful signature and a PIN change (old and new PIN)', async () => {
    const ok = await run('sign-ok', ['sign', '--json', '--token', 'CNS-LEAK', doc], { SIGILLO_PIN: PIN }, [
      PIN,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const change = await run(
      'pin-change',
      ['pin', 'change', '--json', '--token', 'CNS-LEAK'],
      { SIGILLO_PIN: PIN, SIGILLO_NEW_PIN: NEW_PIN },
      [PIN, NEW_PIN],
    );
    expect(change.code, change.stderr).toBe(0);
    const wrongOld = await run(
      'pin-change-wrong',
      ['pin', 'change', '--token', 'CNS-LEAK'],
      { SIGILLO_PIN: WRONG, SIGILLO_NEW_PIN: '11223344' },
      [WRONG, '11223344'],
    );
    expect(wrongOld.code).toBe(1);
  });
});
