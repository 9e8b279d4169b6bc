/**
 * A detached CAdES signature verified without its document (ETSI EN 319 102-1 / DSS: INDETERMINATE /
 * SIGNED_DATA_NOT_FOUND): a report, not a file error, with everything that can be checked without the content —
 * signer, certificate, chain, signing time, revocation, and the signature value over the signed attributes (a
 * broken one is TOTAL_FAILED/SIG_CRYPTO_FAILURE whatever the document). The cases are made with `openssl cms
 * -sign` without -nodetach; openssl's own verdict with the content is the cross-check.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import type { VerifyFileOptions } from '../../electron/core/verify/file-types';
import { opensslCmsSign, opensslIntegrityOk } from './support/openssl-cms';
import { runCli } from '../support/cli';
import { verifyJson } from '../support/verify-json';

const fx = inject('fixture');
let dir = '';
let doc = '';
let p7s = '';
let opts: VerifyFileOptions;

/** a folder holding only `name` (a copy of `from`) */
function alone(from: string, name: string): string {
  const out = join(mkdtempSync(join(dir, 'alone-')), name);
  copyFileSync(from, out);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'unpaired-'));
  doc = join(dir, 'contratto.pdf');
  writeFileSync(doc, '%PDF-1.4 contratto di prova ' + 'x'.repeat(3000) + '\n');
  p7s = join(dir, 'contratto.pdf.p7s');
  opensslCmsSign({ input: doc, out: p7s, signer: fx.pki.signature, certfile: fx.pki.caPem, flags: [] });
  opts = { trust: new TrustStore(await readTrustFile(fx.pki.rootPem)) };
});

describe('a .p7s without its document', () => {
  it('is INDETERMINATE/SIGNED_DATA_NOT_FOUND with signer, certificate, chain, time and revocation reported', async () => {
    expect(opensslIntegrityOk(p7s, doc)).toBe(true);
    const lone = alone(p7s, 'contratto.pdf.p7s');
    const r = await verifyFile(lone, opts);
    expect(r.error).toBeNull();
    expect(r.content).toBeUndefined();
    expect(r.signatures).toHaveLength(1);
    const s = r.signatures[0]!;
    expect(s).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
      contentMissing: true,
      integrity: 'invalid',
      depth: 0,
    });
    expect(s.explanation).toMatch(/Manca il documento firmato|signed document is missing/);
    expect(s.signer.commonName).toBeTruthy();
    expect(s.signer.fiscalCode).toBeTruthy();
    expect(s.signingTime).not.toBeNull();
    const certSha = createHash('sha256').update(readFileSync(fx.pki.signature.certDer)).digest('hex');
    expect(s.certificate?.fingerprintSha256.toLowerCase()).toBe(certSha);
    expect(s.chain.length).toBeGreaterThanOrEqual(2);
    expect(s.chain.at(-1)?.trustAnchor).toBe(true);
    expect(s.revocation).not.toBeNull();
    // the signature value over the signed attributes was checked, and said so
    expect(s.messages.join('\n')).toMatch(/attributi firmati è corretto|signed attributes is correct/);
  });

  it('a broken signature value is TOTAL_FAILED/SIG_CRYPTO_FAILURE even without the document (openssl agrees)', async () => {
    const bytes = Buffer.from(readFileSync(p7s));
    bytes[bytes.length - 1]! ^= 0x01; // openssl's .p7s ends with the signature value (no unsigned attributes)
    const broken = join(dir, 'broken.pdf.p7s');
    writeFileSync(broken, bytes);
    expect(opensslIntegrityOk(broken, doc)).toBe(false);
    const r = await verifyFile(alone(broken, 'broken.pdf.p7s'), opts);
    expect(r.error).toBeNull();
    expect(r.signatures[0]).toMatchObject({
      indication: 'TOTAL_FAILED',
      subIndication: 'SIG_CRYPTO_FAILURE',
    });
    expect(r.signatures[0]?.messages.join('\n')).toMatch(/non è corretto|not correct/);
  });

  it('with the document beside it: TOTAL_FAILED/HASH_FAILURE when changed, intact when it matches', async () => {
    const changedDir = mkdtempSync(join(dir, 'changed-'));
    const sig = join(changedDir, 'contratto.pdf.p7s');
    copyFileSync(p7s, sig);
    const changed = join(changedDir, 'contratto.pdf');
    writeFileSync(changed, readFileSync(doc, 'latin1').replace('prova', 'provo'), 'latin1');
    expect(opensslIntegrityOk(sig, changed)).toBe(false);
    const bad = await verifyFile(sig, opts);
    expect(bad.content).toBe(changed);
    expect(bad.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
    expect(bad.signatures[0]?.contentMissing).toBeUndefined();
    const good = await verifyFile(p7s, opts);
    expect(good.content).toBe(doc);
    expect(good.signatures[0]?.integrity).toBe('valid');
    expect(good.signatures[0]?.subIndication).not.toBe('SIGNED_DATA_NOT_FOUND');
    expect(good.signatures[0]?.contentMissing).toBeUndefined();
  });

  it('CLI: a report (exit 1, INDETERMINATE), the sentence in Italian and English, the --content hint', async () => {
    const lone = alone(p7s, 'contratto.pdf.p7s');
    const trust = ['--no-tsl', '--offline', '--trust', fx.pki.rootPem];
    const j = await verifyJson([...trust, lone]);
    expect(j.code).toBe(1);
    expect(j.files[0]?.error).toBeNull();
    expect(j.files[0]?.signatures[0]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
      contentMissing: true,
    });
    const it_ = await runCli(['verify', ...trust, lone], { SIGILLO_LANG: 'it' });
    expect(it_.code).toBe(1);
    expect(it_.stdout).toMatch(/⚠ .*SIGNED_DATA_NOT_FOUND|⚠/);
    expect(it_.stdout).toContain('Manca il documento firmato: mettilo accanto alla firma con lo stesso nome');
    expect(it_.stdout).toContain('--content FILE');
    expect(it_.stdout).not.toContain('✖');
    const en = await runCli(['verify', ...trust, lone], { SIGILLO_LANG: 'en' });
    expect(en.stdout).toContain(
      'The signed document is missing: put it next to the signature with the same name',
    );
    // the report PDF says the same (amber), never "altered"
    const pdf = join(dir, 'unpaired-report.pdf');
    const rep = await runCli(['verify', ...trust, '--report', pdf, lone], { SIGILLO_LANG: 'it' });
    expect(rep.code).toBe(1);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Manca il documento firmato da');
    expect(text).toContain('da verificare: manca il documento firmato');
    expect(text).not.toMatch(/alterato|NON integra/);
    // the content given explicitly still pairs it
    const paired = await verifyJson([...trust, '--content', doc, lone]);
    expect(paired.files[0]?.signatures[0]?.integrity).toBe('valid');
  });

  it('extract keeps refusing a detached signature (nothing to extract)', async () => {
    const r = await runCli(['extract', '--json', alone(p7s, 'contratto.pdf.p7s')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].error.code).toBe('DETACHED_SIGNATURE');
  });
});
