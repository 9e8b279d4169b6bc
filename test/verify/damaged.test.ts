/**
 * Damaged containers, made here by editing bytes of openssl p7m files: a bad end-of-contents, bytes cut or a
 * length past the end, garbage after the signature, an inner p7m level that cannot be read. Each is a file-level
 * error code with the byte offset (never a silent pass), and `verify` and `extract` agree on every file.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { extractFile } from '../../electron/core/verify/extract';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
let dir = '';
let der: Buffer;
let ber: Buffer;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'damaged-'));
  const input = join(dir, 'doc.txt');
  writeFileSync(input, 'contenuto firmato\n'.repeat(10));
  der = Buffer.from(opensslCmsSign({ input, out: join(dir, 'a.p7m'), signer: fx.pki.signature }));
  ber = Buffer.from(
    opensslCmsSign({
      input,
      out: join(dir, 'b.p7m'),
      signer: fx.pki.signature,
      flags: ['-nodetach', '-stream'],
    }),
  );
});

/** verify and extract of the same bytes: the error code (or null) and integrity each gives */
async function both(bytes: Uint8Array) {
  const file = join(dir, `d${++n}.p7m`);
  writeFileSync(file, bytes);
  const v = await verifyFile(file, { trust: new TrustStore([]) });
  const e = await extractFile(file, {
    outDir: mkdtempSync(join(dir, 'out-')),
    overwrite: false,
    force: false,
  });
  const vIntact = v.error === null && v.signatures.every((s) => s.integrity === 'valid');
  return { v, e, vIntact, eIntact: e.error === null && e.integrity === 'valid' };
}

async function expectDamaged(bytes: Uint8Array, codes: string[]) {
  const r = await both(bytes);
  expect(codes).toContain(r.v.error?.code);
  expect(r.e.error?.code).toBe(r.v.error?.code);
  expect(r.v.error?.message).toMatch(/byte \d+/);
  expect(r.vIntact).toBe(false);
  expect(r.eIntact).toBe(false);
  return r;
}

describe('damaged containers', () => {
  it('the good files: verify and extract both intact (the baseline)', async () => {
    for (const b of [der, ber]) {
      const r = await both(b);
      expect(r.vIntact).toBe(true);
      expect(r.eIntact).toBe(true);
    }
  });

  it('a changed content byte or signature byte: both say not intact (verify invalid, extract INTEGRITY_FAILED)', async () => {
    const content = Buffer.from(der);
    const at = content.indexOf('contenuto firmato');
    content[at] = content[at]! ^ 0x01;
    const signature = Buffer.from(der);
    signature[signature.length - 5] = signature[signature.length - 5]! ^ 0x01;
    for (const b of [content, signature]) {
      const r = await both(b);
      expect(r.v.error).toBeNull();
      expect(r.vIntact).toBe(false);
      expect(r.e.error?.code).toBe('INTEGRITY_FAILED');
      expect(r.eIntact).toBe(false);
    }
  });

  it('a bad end-of-contents in a BER p7m → MALFORMED_CMS with the offset, in verify and extract', async () => {
    const b = Buffer.from(ber);
    b[b.length - 1] = 0x01;
    await expectDamaged(b, ['MALFORMED_CMS']);
  });

  it('bytes cut off, or an outer length past the end → TRUNCATED/MALFORMED_CMS with the offset', async () => {
    await expectDamaged(der.subarray(0, der.length - 10), ['TRUNCATED', 'MALFORMED_CMS']);
    const longer = Buffer.from(der);
    expect(longer[1]).toBe(0x82);
    longer.writeUInt16BE(longer.readUInt16BE(2) + 100, 2);
    await expectDamaged(longer, ['TRUNCATED', 'MALFORMED_CMS']);
  });

  it('garbage after the signature → MALFORMED_CMS; a trailing newline is still fine', async () => {
    for (const b of [der, ber])
      await expectDamaged(Buffer.concat([b, Buffer.from('GARBAGE')]), ['MALFORMED_CMS']);
    const nl = await both(Buffer.concat([der, Buffer.from('\r\n')]));
    expect(nl.vIntact).toBe(true);
    expect(nl.eIntact).toBe(true);
  });

  it('a nested p7m whose inner level is cut → the file fails with the inner reason, in verify and extract', async () => {
    const inner = join(dir, 'inner-cut.p7m');
    writeFileSync(inner, der.subarray(0, der.length - 10));
    const outer = opensslCmsSign({ input: inner, out: `${inner}.p7m`, signer: fx.pki.signature });
    const r = await both(outer);
    expect(r.v.error?.code).toBe('TRUNCATED');
    expect(r.v.error?.message).toMatch(/Level 1|Livello 1/);
    expect(r.e.error?.code).toBe('TRUNCATED');
    expect(r.vIntact).toBe(false);
    expect(r.eIntact).toBe(false);
  });
});
