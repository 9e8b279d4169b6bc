/**
 * The token goes away in the middle of a batch (`sigillo sign a b c`): its SoftHSM store is moved away once
 * the first output exists, so the key objects vanish under the open session, as when the card is pulled
 * out. The first file stays signed and valid, the others fail one by one with a code, nothing partial is
 * written, the exit code is 1 and no stack trace is printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { CLI } from '../support/cli';
import { PIN } from '../support/fixture';
import { cnsToken } from '../support/global-setup';
import { addToken, makeSofthsmStore } from '../support/softhsm';
import { sha256 } from './support/kill-run';

const fx = inject('fixture');

interface SignResult {
  input: string;
  output: string | null;
  error?: { code: string; message: string };
}

describe('token errors mid-batch', () => {
  it('token removed after the first file: that file is fine, the rest fail per file, nothing partial', async () => {
    const dir = mkdtempSync(join(fx.root, 'token-gone-'));
    const conf = makeSofthsmStore(join(dir, 'hsm'));
    addToken(conf, cnsToken('CNS-GONE', fx.pki));
    const a = join(dir, 'a.xml');
    writeFileSync(a, '<FatturaElettronica/>\n');
    const b = join(dir, 'b.bin');
    execFileSync('openssl', ['rand', '-out', b, String(32 << 20)]);
    const c = join(dir, 'c.xml');
    writeFileSync(c, '<FatturaElettronica>2</FatturaElettronica>\n');
    const shas = [a, b, c].map(sha256);
    const out = join(dir, 'out');
    mkdirSync(out);
    const tokens = join(dir, 'hsm', 'tokens');
    const child = spawn(
      process.execPath,
      [CLI, 'sign', '--json', '--format', 'cades', '--out', out, a, b, c],
      {
        env: {
          PATH: process.env.PATH,
          SIGILLO_LANG: 'en',
          SOFTHSM2_CONF: conf,
          SIGILLO_PKCS11_MODULE: fx.module,
          SIGILLO_PIN: PIN,
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number>((r) => child.on('close', (code) => r(code ?? -1)));
    let removed = false;
    while (!removed && child.exitCode === null) {
      if (existsSync(join(out, 'a.xml.p7m'))) {
        renameSync(tokens, `${tokens}-pulled-out`);
        removed = true;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    const code = await exited;
    expect(removed).toBe(true);
    expect(code, stderr).toBe(1);
    const results = JSON.parse(stdout) as SignResult[];
    expect(results.map((r) => r.input)).toEqual([a, b, c]);
    expect(results[0]!.error).toBeUndefined();
    for (const r of results.slice(1)) {
      expect(r.output).toBeNull();
      expect(r.error?.code).toMatch(/^[A-Z0-9_]+$/);
      expect(r.error?.message.length).toBeGreaterThan(0);
    }
    expect(stdout + stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual(['a.xml.p7m']);
    const s = await readSignedData(join(out, 'a.xml.p7m'), { digests: ['sha256'] });
    expect(Buffer.from(s.contentDigests.sha256!).toString('hex')).toBe(shas[0]);
    expect([a, b, c].map(sha256)).toEqual(shas);
  });
});
