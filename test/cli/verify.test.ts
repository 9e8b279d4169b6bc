import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { verifyJson } from '../support/verify-json';
import type { IssuedCert } from '../support/pki';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { startLoopbackCa, type LoopbackCa } from '../revocation/support/loopback-ca';

const fx = inject('fixture');
let dir = '';
let ca: LoopbackCa;
let good: IssuedCert;
let goodP7m = '';
let env: NodeJS.ProcessEnv;

function sign(signer: IssuedCert, name: string, flags = ['-nodetach']): string {
  const out = join(dir, name);
  opensslCmsSign({ input: join(dir, 'doc.txt'), out, signer, flags });
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'cli-verify-'));
  writeFileSync(join(dir, 'doc.txt'), 'Contratto di fornitura — € 1.000\n');
  ca = await startLoopbackCa(join(dir, 'ca'));
  good = ca.issue('good');
  goodP7m = sign(good, 'good.txt.p7m');
  env = { SIGILLO_DATA_DIR: join(dir, 'data') };
});

afterAll(async () => {
  await ca?.close();
});

describe('sigillo verify', () => {
  it('a good signature with --trust and live OCSP → TOTAL_PASSED, exit 0, documented JSON shape', async () => {
    const r = await verifyJson(['--trust', ca.rootPem, goodP7m], env);
    expect(r.code).toBe(0);
    const [f] = r.files;
    expect(f).toMatchObject({ file: goodP7m, format: 'cms', error: null });
    const s = f?.signatures[0];
    expect(s).toMatchObject({
      integrity: 'valid',
      indication: 'TOTAL_PASSED',
      subIndication: null,
      depth: 0,
      digestAlgorithm: 'SHA-256',
      signatureAlgorithm: 'RSA SHA-256',
      signer: { commonName: 'good', fiscalCode: 'RSSMRA80A01H501U' },
      revocation: { status: 'good', source: 'ocsp' },
    });
    expect(s?.chain).toHaveLength(2);
    expect(s?.certificate).toBeTruthy();
    expect(s?.signingTime).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('readable summary with ✔, signer and fiscal code', async () => {
    const r = await runCli(['verify', '--trust', ca.rootPem, goodP7m], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ good (RSSMRA80A01H501U)');
    expect(r.stdout).toContain('TOTAL_PASSED');
    const it = await runCli(['verify', '--trust', ca.rootPem, goodP7m], { ...env, SIGILLO_LANG: 'it' });
    expect(it.stdout).toContain('integrità: valida');
  });

  it('--offline with an empty cache → INDETERMINATE/TRY_LATER, exit 1; answers cached online are used offline', async () => {
    const fresh = { SIGILLO_DATA_DIR: mkdtempSync(join(dir, 'data-')) };
    const hits = JSON.stringify(ca.hits);
    const off = await verifyJson(['--offline', '--trust', ca.rootPem, goodP7m], fresh);
    expect(off.code).toBe(1);
    expect(off.files[0]?.signatures[0]?.subIndication).toBe('TRY_LATER');
    expect(JSON.stringify(ca.hits)).toBe(hits);
    expect((await runCli(['verify', '--trust', ca.rootPem, goodP7m], fresh)).code).toBe(0);
    const again = await runCli(['verify', '--offline', '--trust', ca.rootPem, goodP7m], fresh);
    expect(again.code).toBe(0);
  });

  it('a revoked signer → ✖/⚠ and exit 1; tampered content → HASH_FAILURE', async () => {
    const bad = ca.issue('bad');
    const revokedP7m = sign(bad, 'revoked.p7m');
    ca.revoke(bad);
    ca.publishCrl();
    const r = await verifyJson(['--trust', ca.rootPem, revokedP7m], env);
    expect(r.code).toBe(1);
    const s = r.files[0]?.signatures[0];
    expect(s?.revocation?.status).toBe('revoked');
    expect(['REVOKED', 'REVOKED_NO_POE']).toContain(s?.subIndication);
    const tampered = join(dir, 'tampered.p7m');
    const bytes = readFileSync(goodP7m);
    bytes[bytes.indexOf(Buffer.from('fornitura'))] = 0x46;
    writeFileSync(tampered, bytes);
    const t = await runCli(['verify', '--trust', ca.rootPem, tampered], env);
    expect(t.code).toBe(1);
    expect(t.stdout, t.stdout + t.stderr).toContain('✖');
    expect(t.stdout, t.stdout + t.stderr).toContain('HASH_FAILURE');
  });

  it('detached .p7s with --content', async () => {
    const p7s = sign(good, 'sig.p7s', []);
    const r = await runCli(
      ['verify', '--json', '--trust', ca.rootPem, '--content', join(dir, 'doc.txt'), p7s],
      env,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].content).toBe(join(dir, 'doc.txt'));
  });

  it('usage errors exit 2; unreadable files are per-file errors (exit 1)', async () => {
    expect((await runCli(['verify'])).code).toBe(2);
    expect((await runCli(['verify', '--bogus', goodP7m])).code).toBe(2);
    const junk = join(dir, 'junk.p7m');
    writeFileSync(junk, 'not a signature');
    const r = await verifyJson(['--offline', junk, join(dir, 'nope.p7m')], env);
    expect(r.code).toBe(1);
    expect(r.files.map((f) => f.error?.code)).toEqual(['NOT_CMS', 'INPUT_NOT_FOUND']);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const noTrust = await runCli(['verify', '--json', '--trust', join(dir, 'missing.pem'), goodP7m], env);
    expect(noTrust.code).toBe(1);
    expect(JSON.parse(noTrust.stdout).error.code).toBe('TRUST_FILE_UNREADABLE');
  });

  it('--report writes a PDF with one page per file, never overwriting silently', async () => {
    const pdf = join(dir, 'report.pdf');
    const r = await runCli(
      ['verify', '--trust', ca.rootPem, '--report', pdf, goodP7m, join(dir, 'junk.p7m')],
      env,
    );
    expect(r.code).toBe(1);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('RSSMRA80A01H501U');
    expect(text).toContain('TOTAL_PASSED');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    const before = statSync(pdf).mtimeMs;
    const again = await runCli(['verify', '--trust', ca.rootPem, '--report', pdf, goodP7m], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(statSync(pdf).mtimeMs).toBe(before);
    expect(
      (await runCli(['verify', '--trust', ca.rootPem, '--report', pdf, '--overwrite', goodP7m], env)).code,
    ).toBe(0);
  });

  it('a folder of 1000 small p7m verifies fast, each revocation answer fetched once', async () => {
    const folder = join(dir, 'batch');
    mkdirSync(folder);
    const other = sign(ca.issue('other'), 'other.p7m');
    for (let i = 0; i < 1000; i++)
      copyFileSync(i % 2 ? goodP7m : other, join(folder, `f${String(i).padStart(4, '0')}.xml.p7m`));
    // a verifier thread forced: it shares the disk cache, not the calling thread's memory (verify-pool.ts)
    const fresh = { SIGILLO_DATA_DIR: mkdtempSync(join(dir, 'data-')), SIGILLO_VERIFY_THREADS: '1' };
    const ocspBefore = ca.hits['/ocsp'] ?? 0;
    const started = Date.now();
    const r = await verifyJson(['--trust', ca.rootPem, folder], fresh);
    const elapsed = Date.now() - started;
    expect(r.code).toBe(0);
    const out = r.files;
    expect(out).toHaveLength(1000);
    expect(out.every((f) => f.signatures[0]?.indication === 'TOTAL_PASSED')).toBe(true);
    expect((ca.hits['/ocsp'] ?? 0) - ocspBefore).toBe(2);
    expect(elapsed).toBeLessThan(30_000);
    expect(existsSync(join(folder, 'f0000.xml'))).toBe(false);
  });
});
