/** `sigillo sign --tsa` with the SoftHSM card: CAdES-T p7m (openssl cms -verify) and PAdES-B-T PDF (pdfsig valid). */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { opensslVerify } from '../cms/helpers';
import { writeHandwritten } from '../pdf/support/make-pdf';
import { makeNssDb, pdfsig } from '../pdf/support/nss';
import { runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { makeTsaPki, startTsaServer, type TestTsa, type TsaPki } from '../support/tsa-server';

const fx = inject('fixture');
const env = { SOFTHSM2_CONF: fx.singleConf, SIGILLO_PIN: PIN };
let dir: string;
let pki: TsaPki;
let tsa: TestTsa;
let trust: string;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'sign-tsa-'));
  pki = makeTsaPki(join(dir, 'tsa'));
  tsa = await startTsaServer({ pki });
  trust = join(dir, 'trust.pem');
  writeFileSync(trust, readFileSync(pki.rootPem, 'utf8') + readFileSync(fx.pki.rootPem, 'utf8'));
});
afterAll(async () => {
  await tsa.close();
  rmSync(dir, { recursive: true, force: true });
});

function fresh(name: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  return d;
}

async function verifyJson(file: string) {
  const v = await runCli(['verify', '--json', '--offline', '--no-tsl', '--trust', trust, file]);
  return JSON.parse(v.stdout)[0];
}

describe('sigillo sign --tsa', () => {
  it('p7m: CAdES-T that openssl cms -verify accepts; verify shows the timestamp time', async () => {
    const d = fresh('cades');
    const file = join(d, 'doc.txt');
    writeFileSync(file, 'documento da firmare con marca\n');
    const r = await runCli(['sign', '--json', '--module', fx.module, '--tsa', tsa.url, file], env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout)[0].output as string;
    expect(opensslVerify(out, fx.pki.chainPem).ok).toBe(true);
    const report = await verifyJson(out);
    const s = report.signatures[0];
    expect(s.hasTimestamp).toBe(true);
    expect(s.timestamps[0]).toMatchObject({ integrity: 'valid', tsa: 'Sigillo Test Time Stamping Unit' });
    expect(Math.abs(Date.parse(s.timestamps[0].genTime) - Date.now())).toBeLessThan(120_000);
  });

  it('PDF: PAdES-B-T (timestamp inside the CMS); pdfsig still finds the signature valid', async () => {
    const d = fresh('pades');
    const pdf = writeHandwritten(join(d, 'modulo.pdf'));
    const r = await runCli(['sign', '--json', '--module', fx.module, '--tsa', tsa.url, pdf], env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout)[0].output as string;
    const nss = makeNssDb(join(d, 'nss'), fx.pki);
    expect(pdfsig(out, nss)[0]!.valid).toBe(true);
    const report = await verifyJson(out);
    expect(report.format).toBe('pades');
    expect(report.signatures[0].timestamps[0]).toMatchObject({ integrity: 'valid', imprintMatches: true });
  });

  it('a TSA failure fails the file and leaves no output; LT or LTA without reachable CRLs fails clearly; an unknown level or T without a TSA is a usage error', async () => {
    const d = fresh('fail');
    const file = join(d, 'doc.txt');
    writeFileSync(file, 'x');
    tsa.mode = 'http500';
    try {
      const r = await runCli(['sign', '--json', '--module', fx.module, '--tsa', tsa.url, file], env);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)[0].error.code).toBe('TSA_HTTP_ERROR');
      expect(readdirSync(d)).toEqual(['doc.txt']);
    } finally {
      tsa.mode = 'ok';
    }
    const pdf = writeHandwritten(join(d, 'lt.pdf'));
    const ltPdf = await runCli(
      ['sign', '--json', '--module', fx.module, '--level', 'LT', '--tsa', tsa.url, pdf],
      env,
    );
    // the fixture CA's CRL URL is unreachable: the PDF was signed, the DSS cannot be made, the output is removed
    expect(JSON.parse(ltPdf.stdout)[0].error.code).toBe('LT_REVOCATION_UNAVAILABLE');
    const ltaP7m = await runCli(
      ['sign', '--json', '--module', fx.module, '--level', 'LTA', '--tsa', tsa.url, file],
      env,
    );
    // LTA on a p7m needs LT first: same unreachable CRL, and no output left behind
    expect(JSON.parse(ltaP7m.stdout)[0].error.code).toBe('LT_REVOCATION_UNAVAILABLE');
    // the fixture CA's CRL URL is unreachable: LT cannot be reached, and says so
    const ltP7m = await runCli(
      ['sign', '--json', '--module', fx.module, '--level', 'LT', '--tsa', tsa.url, file],
      env,
    );
    expect(JSON.parse(ltP7m.stdout)[0].error.code).toBe('LT_REVOCATION_UNAVAILABLE');
    expect(readdirSync(d).sort()).toEqual(['doc.txt', 'lt.pdf']);
    const lt = await runCli(['sign', '--module', fx.module, '--level', 'XYZ', file], env);
    expect(lt.code).toBe(2);
    const noTsa = await runCli(['sign', '--module', fx.module, '--level', 'T', file], env);
    expect(noTsa.code).toBe(2);
    expect(noTsa.stderr).toMatch(/SIGILLO_TSA_URL/);
  });
});
