import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { opensslCmsSign } from '../verify/support/openssl-cms';

const fx = inject('fixture');
let base = '';
let n = 0;
const original = randomBytes(300_000);

beforeAll(() => {
  base = mkdtempSync(join(fx.root, 'cli-extract-'));
});

function folder(): string {
  const d = join(base, `t${n++}`);
  mkdirSync(d);
  return d;
}

function sign(input: string, out: string, flags = ['-nodetach'], outform: 'DER' | 'PEM' = 'DER'): string {
  opensslCmsSign({ input, out, signer: fx.pki.signature, certfile: fx.pki.caPem, flags, outform });
  return out;
}

function signed(d: string, name = 'fattura.xml'): string {
  const input = join(d, name);
  writeFileSync(input, original);
  const p7m = sign(input, `${input}.p7m`, ['-nodetach', '-stream']);
  return p7m;
}

function noTemps(d: string): void {
  expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

describe('sigillo extract', () => {
  it('fattura.xml.p7m → fattura.xml (BER input), byte-identical; never overwrites silently', async () => {
    const d = folder();
    const p7m = signed(d);
    const out = join(d, 'out');
    mkdirSync(out);
    const r = await runCli(['extract', '--out', out, p7m]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔');
    expect(readFileSync(join(out, 'fattura.xml')).equals(original)).toBe(true);
    writeFileSync(join(out, 'fattura.xml'), 'mine');
    const again = await runCli(['extract', '--json', '--out', out, p7m]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)[0].error.code).toBe('OUTPUT_EXISTS');
    expect(readFileSync(join(out, 'fattura.xml'), 'utf8')).toBe('mine');
    expect((await runCli(['extract', '--overwrite', '--out', out, p7m])).code).toBe(0);
    expect(readFileSync(join(out, 'fattura.xml')).equals(original)).toBe(true);
    noTemps(out);
  });

  it('nested x.pdf.p7m.p7m (outer in base64) → x.pdf with 2 levels', async () => {
    const d = folder();
    const inner = signed(d, 'x.pdf');
    const tmp = join(d, 'x.pdf.p7m.p7m');
    sign(inner, tmp, ['-nodetach'], 'PEM');
    const out = join(d, 'o');
    mkdirSync(out);
    const r = await runCli(['extract', '--json', '--out', out, tmp]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ levels: 2, integrity: 'valid', error: null });
    expect(readFileSync(join(out, 'x.pdf')).equals(original)).toBe(true);
  });

  it('a damaged signature stops extraction unless --force (reported, exit 1)', async () => {
    const d = folder();
    const p7m = signed(d);
    const bytes = readFileSync(p7m);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = (bytes[mid] ?? 0) ^ 0xff;
    const bad = join(d, 'bad.xml.p7m');
    writeFileSync(bad, bytes);
    const r = await runCli(['extract', '--json', bad]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].error.code).toBe('INTEGRITY_FAILED');
    expect(existsSync(join(d, 'bad.xml'))).toBe(false);
    const forced = await runCli(['extract', '--force', bad]);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain('⚠');
    expect(forced.stderr).toMatch(/not intact/);
    expect(readFileSync(join(d, 'bad.xml')).length).toBe(original.length);
    noTemps(d);
  });

  it('a p7m whose content is a PDF is unwrapped (not taken for a PDF): contratto.pdf.p7m → contratto.pdf', async () => {
    const d = folder();
    const pdf = join(d, 'contratto.pdf');
    const body = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    writeFileSync(pdf, body);
    const p7m = sign(pdf, `${pdf}.p7m`);
    const out = join(d, 'o');
    mkdirSync(out);
    const r = await runCli(['extract', '--json', '--out', out, p7m]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ output: join(out, 'contratto.pdf'), levels: 1 });
    expect(readFileSync(join(out, 'contratto.pdf')).equals(body)).toBe(true);
    const v = await runCli(['verify', '--json', '--offline', p7m], { SIGILLO_DATA_DIR: join(d, 'data') });
    expect(JSON.parse(v.stdout)[0].format).toBe('cms');
  });

  it('detached signatures, non-signatures and usage errors', async () => {
    const d = folder();
    const input = join(d, 'a.txt');
    writeFileSync(input, 'abc');
    const p7s = sign(input, join(d, 'sig.p7s'), []);
    const junk = join(d, 'junk.p7m');
    writeFileSync(junk, Buffer.concat([Buffer.from([0x01, 0xff]), randomBytes(98)])); // never a DER/BER SEQUENCE or text
    const r = await runCli(['extract', '--json', p7s, junk]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { error: { code: string } }[]).map((x) => x.error.code)).toEqual([
      'DETACHED_SIGNATURE',
      'NOT_CMS',
    ]);
    expect(existsSync(join(d, 'junk'))).toBe(false);
    expect((await runCli(['extract'])).code).toBe(2);
    noTemps(d);
  });
});
