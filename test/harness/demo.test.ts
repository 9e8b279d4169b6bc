/**
 * `npm run demo -- --tokens-only` as the README walks through it: the printed lines, a file signed on the demo
 * token verifies TOTAL_PASSED (its CA's CRL/OCSP are served on loopback), and Ctrl-C removes the demo folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');
const fx = inject('fixture');
let demo: ChildProcess | undefined;
afterAll(() => void demo?.kill('SIGKILL'));

/** starts the demo; resolves with its output once it says the services run */
function startDemo(): Promise<string> {
  demo = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'harness', 'demo.ts'), '--tokens-only'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: fx.root },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  return new Promise<string>((resolve, reject) => {
    demo!.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('Ctrl-C stops')) resolve(text);
    });
    demo!.stderr!.on('data', (d: Buffer) => (text += d.toString()));
    demo!.on('exit', (code) => reject(new Error(`demo ended (${code}): ${text}`)));
  });
}

describe('npm run demo -- --tokens-only', () => {
  it('prints the README lines, a fresh demo signature verifies green, Ctrl-C removes its folder', async () => {
    const text = await startDemo();
    for (const line of [
      'CNS-ROSSI     valid certificates            PIN 12345678   PUK 87654321',
      'CNS-EXPIRING  signature expires in 30 days  PIN 12345678   PUK 87654321',
      'revocation (CRL and OCSP) of the demo CA: http://127.0.0.1:',
      'To use them with the CLI (in another terminal; keep this one running):',
    ])
      expect(text).toContain(line);
    const conf = /SOFTHSM2_CONF=(\S+)/.exec(text)![1]!;
    const root = /demo root CA \(trusted in the demo settings\): (\S+)/.exec(text)![1]!;
    const folder = join(conf, '..', '..');
    const env = { SOFTHSM2_CONF: conf, SIGILLO_PKCS11_MODULE: '/usr/lib/softhsm/libsofthsm2.so' };
    const data = { ...env, SIGILLO_DATA_DIR: join(folder, 'cli-data') };
    const file = join(folder, 'prova.txt');
    writeFileSync(file, 'Fattura di prova\n');
    const signed = await runCli(['sign', '--token', 'CNS-ROSSI', file], { ...data, SIGILLO_PIN: '12345678' });
    expect(signed.code, signed.stderr).toBe(0);
    const v = await runCli(['verify', '--json', '--trust', root, `${file}.p7m`], data);
    const [report] = JSON.parse(v.stdout) as [
      { signatures: { indication: string; revocation: { status: string } }[] },
    ];
    expect(report.signatures[0]).toMatchObject({
      indication: 'TOTAL_PASSED',
      revocation: { status: 'good' },
    });
    expect(v.code).toBe(0);
    expect(existsSync(folder)).toBe(true);
    const ended = new Promise<number | null>((r) => demo!.once('exit', (code) => r(code)));
    demo!.kill('SIGINT');
    expect(await ended).toBe(0);
    expect(existsSync(folder)).toBe(false);
  }, 180_000);
});
