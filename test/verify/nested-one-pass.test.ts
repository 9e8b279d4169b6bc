/**
 * Nested p7m levels verified in one pass (issue 22): each level is read while the level above streams it. The
 * report must be the one of the spooled form (SIGILLO_NO_FAST=1) for every shape: DER and BER levels big enough
 * for the hash threads, a base64 inner level, a tampered inner content, a damaged (cut) inner level, a detached
 * inner level, the level cap, and an inner level whose signer used a digest the SignedData did not declare
 * (read again: the one-pass form falls back to the spooled form).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import type { VerifyFileOptions } from '../../electron/core/verify/file-types';
import type { FileReport } from '../../electron/core/verify/types';
import { opensslCmsSign, opensslIntegrityOk } from './support/openssl-cms';

const fx = inject('fixture');
let dir = '';
let opts: VerifyFileOptions;
const NOW = new Date('2030-01-01T00:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'vnest-'));
  opts = { trust: new TrustStore(await readTrustFile(fx.pki.rootPem)), now: NOW };
});

function sign(input: string, out: string, flags = ['-nodetach'], outform: 'DER' | 'PEM' = 'DER'): string {
  opensslCmsSign({
    input,
    out: join(dir, out),
    signer: fx.pki.signature,
    certfile: fx.pki.caPem,
    flags,
    outform,
  });
  return join(dir, out);
}

function write(name: string, bytes: Uint8Array): string {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
}

async function report(path: string, fast: boolean): Promise<FileReport> {
  const before = process.env.SIGILLO_NO_FAST;
  if (fast) delete process.env.SIGILLO_NO_FAST;
  else process.env.SIGILLO_NO_FAST = '1';
  try {
    return await verifyFile(path, opts);
  } finally {
    if (before === undefined) delete process.env.SIGILLO_NO_FAST;
    else process.env.SIGILLO_NO_FAST = before;
  }
}

/** the one-pass report, checked identical to the spooled one */
async function same(path: string): Promise<FileReport> {
  const fast = await report(path, true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(await report(path, false)));
  return fast;
}

const levels = (r: FileReport) => r.signatures.map((s) => [s.depth, s.integrity]);

describe('nested p7m in one pass', () => {
  let content = '';
  beforeAll(() => {
    content = write('big.bin', randomBytes(6 * 1024 * 1024 + 4321)); // past the hash-thread threshold
  });

  it('DER in DER, BER in DER, DER in BER: valid at every level, as spooled', async () => {
    const der = sign(content, 'big.bin.p7m');
    const ber = sign(content, 'big-ber.bin.p7m', ['-nodetach', '-stream']);
    for (const [inner, name, flags] of [
      [der, 'dd.p7m', ['-nodetach']],
      [ber, 'bd.p7m', ['-nodetach']],
      [der, 'db.p7m', ['-nodetach', '-stream']],
    ] as const) {
      const outer = sign(inner, name, [...flags]);
      expect(opensslIntegrityOk(outer)).toBe(true);
      const r = await same(outer);
      expect(r.error, name).toBeNull();
      expect(levels(r), name).toEqual([
        [0, 'valid'],
        [1, 'valid'],
      ]);
    }
  });

  it('three levels, the middle one in base64 (PEM): every level valid', async () => {
    const one = sign(content, 'p1.p7m');
    const two = sign(one, 'p2.p7m', ['-nodetach'], 'PEM');
    const three = sign(two, 'p3.p7m');
    const r = await same(three);
    expect(r.error).toBeNull();
    expect(levels(r)).toEqual([
      [0, 'valid'],
      [1, 'valid'],
      [2, 'valid'],
    ]);
  });

  it('a tampered inner content: inner invalid, outer valid', async () => {
    const inner = readFileSync(sign(content, 't.p7m'));
    const mid = inner.length >> 1;
    inner[mid] = (inner[mid] as number) ^ 1; // inside the 6 MiB content
    const outer = sign(write('t-bad.p7m', inner), 't-outer.p7m');
    expect(levels(await same(outer))).toEqual([
      [0, 'valid'],
      [1, 'invalid'],
    ]);
  });

  it('a cut inner level fails the file with its level, as spooled', async () => {
    const inner = readFileSync(sign(content, 'c.p7m'));
    const outer = sign(write('c-cut.p7m', inner.subarray(0, inner.length - 5000)), 'c-outer.p7m');
    const r = await same(outer);
    expect(r.error?.code).toBe('TRUNCATED');
    expect(r.error?.message).toMatch(/2|level/i);
  });

  it('a detached inner level: CONTENT_NOT_FOUND naming the file verified, as spooled', async () => {
    const small = write('d.txt', Buffer.from('contenuto\n'));
    const outer = sign(sign(small, 'd.txt.p7s', []), 'd-outer.p7m');
    const r = await same(outer);
    expect(r.error?.code).toBe('CONTENT_NOT_FOUND');
    expect(r.error?.message).toContain(outer);
  });

  it('an inner signer digest not declared by its SignedData: read again (spooled), the same report', async () => {
    const inner = Buffer.from(readFileSync(sign(content, 'u.p7m')));
    // the digestAlgorithms SET's sha256 → sha512 (not signed): the content is hashed with sha512 only
    const sha256 = Buffer.from('0609608648016503040201', 'hex');
    const at = inner.indexOf(sha256);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(64);
    inner[at + sha256.length - 1] = 3;
    const outer = sign(write('u-undeclared.p7m', inner), 'u-outer.p7m');
    const r = await same(outer);
    expect(r.error).toBeNull();
    expect(levels(r)).toEqual([
      [0, 'valid'],
      [1, 'valid'],
    ]);
  });
});
