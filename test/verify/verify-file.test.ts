import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import type { VerifyFileOptions } from '../../electron/core/verify/file-types';
import { opensslCmsSign, opensslIntegrityOk } from './support/openssl-cms';

const fx = inject('fixture');
let dir = '';
let input = '';
let opts: VerifyFileOptions;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'vfile-'));
  input = join(dir, 'fattura.xml');
  writeFileSync(input, '<FatturaElettronica>' + 'x'.repeat(5000) + '</FatturaElettronica>\n');
  opts = { trust: new TrustStore(await readTrustFile(fx.pki.rootPem)) };
});

function sign(
  name: string,
  flags: string[] = ['-nodetach'],
  from = input,
  outform: 'DER' | 'PEM' = 'DER',
): string {
  const out = join(dir, name);
  opensslCmsSign({ input: from, out, signer: fx.pki.signature, certfile: fx.pki.caPem, flags, outform });
  return out;
}

describe('verifyFile on p7m / p7s files', () => {
  it('BER with indefinite lengths (openssl -stream)', async () => {
    const f = sign('ber.xml.p7m', ['-nodetach', '-stream']);
    const bytes = readFileSync(f);
    expect(bytes[1]).toBe(0x80);
    const r = await verifyFile(f, opts);
    expect(r.error).toBeNull();
    expect(r.format).toBe('cms');
    expect(r.signatures.map((s) => [s.integrity, s.depth])).toEqual([['valid', 0]]);
  });

  it('base64: PEM armour, bare, and with CRLF line breaks', async () => {
    const pem = sign('armoured.xml.p7m', ['-nodetach'], input, 'PEM');
    const body = readFileSync(pem, 'utf8')
      .replace(/-----[^-]+-----/g, '')
      .trim();
    const bare = join(dir, 'bare.xml.p7m');
    writeFileSync(bare, body.replace(/\n/g, ''));
    const crlf = join(dir, 'crlf.xml.p7m');
    writeFileSync(crlf, body.replace(/\n/g, '\r\n') + '\r\n');
    for (const f of [pem, bare, crlf]) {
      const r = await verifyFile(f, opts);
      expect(r.error, f).toBeNull();
      expect(r.signatures[0]?.integrity, f).toBe('valid');
    }
  });

  it('nested p7m: every level reported with its depth (3 levels)', async () => {
    const one = sign('n.xml.p7m');
    const two = sign('n.xml.p7m.p7m', ['-nodetach'], one);
    const three = sign('n.xml.p7m.p7m.p7m', ['-nodetach', '-stream'], two);
    const r = await verifyFile(three, opts);
    expect(r.error).toBeNull();
    expect(r.signatures.map((s) => s.depth)).toEqual([0, 1, 2]);
    expect(r.signatures.every((s) => s.integrity === 'valid')).toBe(true);
  });

  it('a tampered inner level is reported invalid at its depth, the outer level stays valid', async () => {
    const one = readFileSync(sign('t.xml.p7m'));
    const at = one.indexOf(Buffer.from('xxxx'));
    one[at] = 0x79;
    const bad = join(dir, 'bad-inner.xml.p7m');
    writeFileSync(bad, one);
    const outer = sign('t.xml.p7m.p7m', ['-nodetach'], bad);
    const r = await verifyFile(outer, opts);
    expect(r.signatures.map((s) => [s.depth, s.integrity])).toEqual([
      [0, 'valid'],
      [1, 'invalid'],
    ]);
  });

  it('detached .p7s: content beside it by default, or --content; missing → INDETERMINATE/SIGNED_DATA_NOT_FOUND', async () => {
    const p7s = sign('fattura.xml.p7s', []);
    expect(opensslIntegrityOk(p7s, input)).toBe(true);
    const r = await verifyFile(p7s, opts);
    expect(r.error).toBeNull();
    expect(r.content).toBe(input);
    expect(r.signatures[0]?.integrity).toBe('valid');
    const lone = join(mkdtempSync(join(dir, 'lone-')), 'alone.p7s');
    copyFileSync(p7s, lone);
    const alone = await verifyFile(lone, opts);
    expect(alone.error).toBeNull();
    expect(alone.signatures[0]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
    });
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'not the signed content');
    const wrong = await verifyFile(lone, { ...opts, content: other });
    expect(wrong.signatures[0]?.subIndication).toBe('HASH_FAILURE');
    const right = await verifyFile(lone, { ...opts, content: input });
    expect(right.signatures[0]?.integrity).toBe('valid');
  });

  it('a signer digest the SignedData does not declare is still checked (second pass)', async () => {
    const out = join(dir, 'undeclared.p7m');
    opensslCmsSign({ input, out, signer: fx.pki.signature, certfile: fx.pki.caPem, md: 'sha384' });
    const bytes = readFileSync(out);
    const sha384 = Buffer.from('0609608648016503040202', 'hex');
    const at = bytes.indexOf(sha384);
    bytes[at + sha384.length - 1] = 0x01; // digestAlgorithms now says SHA-256 only
    writeFileSync(out, bytes);
    const r = await verifyFile(out, opts);
    expect(r.signatures[0]?.digestAlgorithm).toBe('SHA-384');
    expect(r.signatures[0]?.integrity).toBe('valid');
  });

  it('bad input gives a per-file error with a code, never a throw', async () => {
    const good = readFileSync(sign('g.xml.p7m'));
    const cases: Record<string, Buffer> = {
      'empty.p7m': Buffer.alloc(0),
      'truncated.p7m': good.subarray(0, Math.floor(good.length / 2)),
      'random.p7m': randomBytes(4096),
      'text.p7m': Buffer.from('Hello, this is not a signature.\n'),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const f = join(dir, name);
      writeFileSync(f, bytes);
      const r = await verifyFile(f, opts);
      expect(r.error?.code, name).toMatch(/^[A-Z_]+$/);
      expect(r.error?.message, name).toBeTruthy();
      expect(r.signatures, name).toEqual([]);
    }
    expect((await verifyFile(join(dir, 'missing.p7m'), opts)).error?.code).toBe('INPUT_NOT_FOUND');
    expect((await verifyFile(dir, opts)).error?.code).toBe('INPUT_IS_DIRECTORY');
  });
});
