/** `sigillo sign` / `verify` / `extract` on PDFs, through the built CLI, signing on a SoftHSM token. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { withObjectStreams, writeHandwritten } from './support/make-pdf';
import { makeNssDb, pdfsig, qpdfCheck, type NssDb } from './support/nss';
import { redDiscPng } from './support/make-png';

const fx = inject('fixture');

describe('sigillo CLI on PDFs', () => {
  let dir: string;
  let nss: NssDb;
  const env = () => ({ SOFTHSM2_CONF: fx.singleConf, SIGILLO_PIN: PIN });
  const sign = (...args: string[]) => runCli(['sign', '--module', fx.module, ...args], env());

  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'cli-pades-'));
    nss = makeNssDb(join(dir, 'nss'), fx.pki);
  });

  it('signs a .pdf as PAdES with --format auto: NAME-signed.pdf, valid for pdfsig, original bytes a prefix', async () => {
    const input = writeHandwritten(join(dir, 'contratto.pdf'));
    const r = await sign('--json', '--reason', 'Accettazione', '--location', 'Milano', input);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { input: string; output: string; format: string }[];
    expect(res[0]!.format).toBe('pades');
    expect(res[0]!.output).toBe(join(dir, 'contratto-signed.pdf'));
    const out = readFileSync(res[0]!.output);
    expect(out.subarray(0, readFileSync(input).length).equals(readFileSync(input))).toBe(true);
    expect(qpdfCheck(res[0]!.output).ok).toBe(true);
    const sigs = pdfsig(res[0]!.output, nss);
    expect(sigs).toHaveLength(1);
    expect(sigs[0]!.valid && sigs[0]!.trusted && sigs[0]!.totalDocument).toBe(true);
    expect(r.stdout).not.toContain(PIN);
    expect(r.stderr).not.toContain(PIN);
  });

  it('signs visibly with an image (--visible, --image) a PDF with object streams; --format pades', async () => {
    const input = withObjectStreams(writeHandwritten(join(dir, 'src.pdf')), join(dir, 'moderno.pdf'));
    const png = join(dir, 'logo.png');
    writeFileSync(png, redDiscPng(30));
    const r = await sign('--format', 'pades', '--visible', '1,320,40,230,66', '--image', png, input);
    expect(r.code, r.stderr).toBe(0);
    const output = join(dir, 'moderno-signed.pdf');
    expect(pdfsig(output, nss)[0]!.valid).toBe(true);
    const text = execFileSync('pdftotext', [output, '-'], { encoding: 'utf8' });
    expect(text).toContain('Firmato digitalmente da');
  });

  it('rejects bad PDF options as usage errors (exit 2) before asking for anything', async () => {
    const input = writeHandwritten(join(dir, 'x.pdf'));
    expect((await sign('--visible', '1,2,3', input)).code).toBe(2);
    expect((await sign('--visible', '0,10,10,100,50', input)).code).toBe(2);
    expect((await sign('--image', 'logo.png', input)).code).toBe(2);
    expect((await sign('--visible', '1,10,10,100,50', '--field', 'F', input)).code).toBe(2);
    expect(existsSync(join(dir, 'x-signed.pdf'))).toBe(false);
  });

  it('fails cleanly on an encrypted PDF (exit 1, PDF_ENCRYPTED, no output)', async () => {
    const plain = writeHandwritten(join(dir, 'plain.pdf'));
    const enc = join(dir, 'cifrato.pdf');
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', plain, enc]);
    const r = await sign('--json', enc);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { error: { code: string } }[])[0]!.error.code).toBe('PDF_ENCRYPTED');
    expect(existsSync(join(dir, 'cifrato-signed.pdf'))).toBe(false);
  });

  it('verifies PDFs (format pades) and extracts the revision of signature 1', async () => {
    const input = writeHandwritten(join(dir, 'due.pdf'));
    expect((await sign(input)).code).toBe(0);
    const once = join(dir, 'due-signed.pdf');
    expect((await sign(once)).code).toBe(0);
    const twice = join(dir, 'due-signed-signed.pdf');
    const v = await runCli(['verify', '--json', '--offline', '--trust', fx.pki.rootPem, twice]);
    expect(v.code).not.toBe(2);
    const rep = JSON.parse(v.stdout) as {
      format: string;
      signatures: {
        integrity: string;
        coversWholeDocument: boolean;
        revision: number;
        modifications: unknown;
      }[];
    }[];
    expect(rep[0]!.format).toBe('pades');
    expect(rep[0]!.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid']);
    expect(rep[0]!.signatures.map((s) => s.coversWholeDocument)).toEqual([false, true]);
    expect(rep[0]!.signatures.map((s) => s.revision)).toEqual([2, 3]);
    expect(rep[0]!.signatures[0]!.modifications).toMatchObject({ allowed: true });

    const outDir = mkdtempSync(join(dir, 'ex-'));
    const e = await runCli(['extract', '--json', '--signature', '1', '--out', outDir, twice]);
    expect(e.code, e.stdout + e.stderr).toBe(0);
    const out = (JSON.parse(e.stdout) as { output: string }[])[0]!.output;
    expect(readFileSync(out).equals(readFileSync(once))).toBe(true);
    expect((await runCli(['extract', '--signature', 'zero', twice])).code).toBe(2);
  });
});
