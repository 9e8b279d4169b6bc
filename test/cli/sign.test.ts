import { describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { cnsToken } from '../support/global-setup';
import { addToken, makeSofthsmStore } from '../support/softhsm';
import { cmsPrint, opensslVerify } from '../cms/helpers';
import { derHex, fileSha256, pemCertsHex } from '../sign/helpers';

const fx = inject('fixture');
const env = (conf = fx.singleConf, pin = PIN) => ({ SOFTHSM2_CONF: conf, SIGILLO_PIN: pin });
const base = mkdtempSync(join(fx.root, 'cli-sign-'));
let n = 0;

function freshDir(files: string[] = ['a.txt', 'b.bin']): string {
  const dir = join(base, `t${n++}`);
  mkdirSync(dir);
  for (const f of files) writeFileSync(join(dir, f), randomBytes(20_000));
  return dir;
}

interface SignJson {
  input: string;
  output: string | null;
  format: string;
  error?: { code: string; message: string };
}

describe('sigillo sign (CLI, SoftHSM2)', () => {
  it('signs several files with one PIN: JSON per file, openssl-valid, signature cert, inputs untouched', async () => {
    const dir = freshDir();
    const inputs = ['a.txt', 'b.bin'].map((f) => join(dir, f));
    const before = inputs.map(fileSha256);
    const r = await runCli(['sign', '--json', '--module', fx.module, ...inputs], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as SignJson[];
    expect(res).toEqual(inputs.map((i) => ({ input: i, output: `${i}.p7m`, format: 'cades' })));
    inputs.forEach((input, i) => {
      expect(fileSha256(input)).toBe(before[i]);
      const signers = join(dir, `signer${i}.pem`);
      const content = join(dir, `content${i}`);
      expect(opensslVerify(`${input}.p7m`, fx.pki.chainPem, { signers, out: content }).ok).toBe(true);
      expect(fileSha256(content)).toBe(before[i]);
      expect(pemCertsHex(signers)).toEqual([derHex(fx.pki.signature.certDer)]);
      expect(cmsPrint(`${input}.p7m`)).toMatch(/signingCertificateV2|1\.2\.840\.113549\.1\.9\.16\.2\.47/);
      // the qualified CA comes from the token: trusting only the root is enough
      expect(opensslVerify(`${input}.p7m`, fx.pki.rootPem).ok).toBe(true);
    });
  });

  it('signs with ECDSA and SHA-512 on the token picked with --token (a .pdf as CAdES with --format cades)', async () => {
    const dir = freshDir(['a.pdf']);
    const input = join(dir, 'a.pdf');
    const r = await runCli(
      ['sign', '--module', fx.module, '--token', 'CNS-EC', '--digest', 'sha512', '--format', 'cades', input],
      env(fx.multiConf),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a.pdf.p7m');
    const signers = join(dir, 'signer.pem');
    expect(opensslVerify(`${input}.p7m`, fx.pki.chainPem, { signers }).ok).toBe(true);
    expect(pemCertsHex(signers)).toEqual([derHex(fx.pki.ecSignature.certDer)]);
    expect(cmsPrint(`${input}.p7m`)).toMatch(/algorithm: sha512/);
  });

  it('adds a parallel signature (--out) and nests (--nest)', async () => {
    const dir = freshDir(['a.txt']);
    const input = join(dir, 'a.txt');
    expect(
      (await runCli(['sign', '--module', fx.module, '--token', 'CNS-ROSSI', input], env(fx.multiConf))).code,
    ).toBe(0);
    const outDir = join(dir, 'co');
    mkdirSync(outDir);
    const p7m = `${input}.p7m`;
    const before = fileSha256(p7m);
    const co = await runCli(
      ['sign', '--json', '--module', fx.module, '--token', 'CNS-EC', '--out', outDir, p7m],
      env(fx.multiConf),
    );
    expect(co.code).toBe(0);
    const coOut = join(outDir, 'a.txt.p7m');
    expect((JSON.parse(co.stdout) as SignJson[])[0]?.output).toBe(coOut);
    expect(fileSha256(p7m)).toBe(before);
    const signers = join(dir, 'both.pem');
    expect(opensslVerify(coOut, fx.pki.chainPem, { signers }).ok).toBe(true);
    expect(pemCertsHex(signers).sort()).toEqual(
      [derHex(fx.pki.signature.certDer), derHex(fx.pki.ecSignature.certDer)].sort(),
    );
    const nest = await runCli(
      ['sign', '--module', fx.module, '--token', 'CNS-EC', '--nest', p7m],
      env(fx.multiConf),
    );
    expect(nest.code).toBe(0);
    const inner = join(dir, 'inner.p7m');
    expect(opensslVerify(`${p7m}.p7m`, fx.pki.chainPem, { out: inner }).ok).toBe(true);
    expect(fileSha256(inner)).toBe(before);
  });

  it('never overwrites an existing output without --overwrite; reports per file and exits 1', async () => {
    const dir = freshDir();
    const [a, b] = ['a.txt', 'b.bin'].map((f) => join(dir, f)) as [string, string];
    writeFileSync(`${a}.p7m`, 'precious');
    const r = await runCli(['sign', '--json', '--module', fx.module, a, b, join(dir, 'missing.txt')], env());
    expect(r.code).toBe(1);
    const res = JSON.parse(r.stdout) as SignJson[];
    expect(res.map((x) => x.error?.code ?? 'ok')).toEqual(['OUTPUT_EXISTS', 'ok', 'INPUT_NOT_FOUND']);
    expect(res[0]?.output).toBeNull();
    expect(readFileSync(`${a}.p7m`, 'utf8')).toBe('precious');
    expect(opensslVerify(`${b}.p7m`, fx.pki.chainPem).ok).toBe(true);
    const again = await runCli(['sign', '--module', fx.module, '--overwrite', a], env());
    expect(again.code).toBe(0);
    expect(opensslVerify(`${a}.p7m`, fx.pki.chainPem).ok).toBe(true);
  });

  it('a wrong PIN stops everything and writes nothing', async () => {
    const conf = makeSofthsmStore(join(base, 'wrong-pin-store'));
    addToken(conf, cnsToken('CNS-ROSSI', fx.pki));
    const dir = freshDir();
    const before = readdirSync(dir).sort();
    const r = await runCli(
      ['sign', '--json', '--module', fx.module, join(dir, 'a.txt'), join(dir, 'b.bin')],
      env(conf, '00000000'),
    );
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toMatch(
      /PIN_INCORRECT|PIN_LOCKED/,
    );
    expect(r.stdout).not.toContain('00000000');
    expect(r.stderr).not.toContain('00000000');
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('a 4-digit PIN is refused before the card (PIN_FORMAT): no try used, the same words as the app', async () => {
    const conf = makeSofthsmStore(join(base, 'short-pin-store'));
    addToken(conf, cnsToken('CNS-ROSSI', fx.pki));
    const dir = freshDir(['a.txt']);
    const r = await runCli(['sign', '--module', fx.module, join(dir, 'a.txt')], {
      ...env(conf, '1234'),
      SIGILLO_LANG: 'it',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('5–8 cifre');
    expect(r.stderr).toContain('nessun tentativo usato');
    expect(r.stderr).not.toContain('1234');
    expect(readdirSync(dir)).toEqual(['a.txt']);
    // pkcs11-tool reads the token flags: SoftHSM sets "count low" after a wrong PIN, here it was never tried
    const flags = spawnSync('pkcs11-tool', ['--module', fx.module, '-L'], {
      env: { ...process.env, SOFTHSM2_CONF: conf },
      encoding: 'utf8',
    }).stdout;
    expect(flags).toContain('CNS-ROSSI');
    expect(flags).not.toMatch(/count low/i);
    const wrong = await runCli(['sign', '--module', fx.module, join(dir, 'a.txt')], {
      ...env(conf, '00000000'),
      SIGILLO_LANG: 'it',
    });
    // the first wrong PIN: the tries left in words, not "wrong PINs were already entered"
    expect(wrong.stderr).toContain('PIN errato. Restano pochi tentativi prima del blocco.');
    expect(wrong.stderr).not.toMatch(/già stat/);
    const flagsAfter = spawnSync('pkcs11-tool', ['--module', fx.module, '-L'], {
      env: { ...process.env, SOFTHSM2_CONF: conf },
      encoding: 'utf8',
    }).stdout;
    expect(flagsAfter).toMatch(/count low/i);
  });

  it('asks for the PIN when SIGILLO_PIN is missing and there is no terminal: clear error, nothing written', async () => {
    const dir = freshDir(['a.txt']);
    const r = await runCli(['sign', '--module', fx.module, join(dir, 'a.txt')], {
      SOFTHSM2_CONF: fx.singleConf,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SIGILLO_PIN');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('shows progress (bytes / total) when stderr is a terminal', () => {
    const dir = freshDir(['big.bin']);
    const input = join(dir, 'big.bin');
    const cmd = `${process.execPath} ${CLI} sign --module ${fx.module} ${input}`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en', ...env() },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('big.bin: 19.5 KB / 19.5 KB (100%)');
    expect(opensslVerify(`${input}.p7m`, fx.pki.chainPem).ok).toBe(true);
  });

  it('usage errors exit 2; help is printed', async () => {
    expect((await runCli(['sign'], env())).code).toBe(2);
    expect((await runCli(['sign', '--digest', 'md5', 'x'], env())).code).toBe(2);
    expect((await runCli(['sign', '--format', 'xml-dsig', 'x'], env())).code).toBe(2);
    const help = await runCli(['sign', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--overwrite');
    const noDir = await runCli(['sign', '--module', fx.module, '--out', join(base, 'nope'), 'x'], env());
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toContain('does not exist');
  });
});
