/**
 * The content of a big DER p7m hashed from the file before the verifier reaches it (issue 22,
 * verify/content-prefetch.ts): the reader takes that hashing and skips the content in the file. The report must
 * be the one of the run with every speed-up off (SIGILLO_NO_FAST=1) for every shape: valid, tampered content,
 * cut in the content and after it, a length beyond the file, a nested level, an XML content past the FatturaPA
 * peek, BER (not prefetched), and a file changed after the start (not taken).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { locateContent } from '../../electron/core/cms/signed-data-head';
import {
  cancelContentPrefetch,
  contentPrefetchTaken,
  prefetchContentHash,
} from '../../electron/core/verify/content-prefetch';
import { channelPassOvers } from '../../electron/core/files/chunk-channel';
import type { VerifyFileOptions } from '../../electron/core/verify/file-types';
import type { FileReport } from '../../electron/core/verify/types';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
let dir = '';
let opts: VerifyFileOptions;
const NOW = new Date('2030-01-01T00:00:00Z');
const MIB = 1024 * 1024;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'vprefetch-'));
  opts = { trust: new TrustStore(await readTrustFile(fx.pki.rootPem)), now: NOW };
});

function sign(input: string, out: string, flags = ['-nodetach']): string {
  opensslCmsSign({ input, out: join(dir, out), signer: fx.pki.signature, certfile: fx.pki.caPem, flags });
  return join(dir, out);
}

function write(name: string, bytes: Uint8Array | string): string {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
}

async function slow(path: string): Promise<FileReport> {
  process.env.SIGILLO_NO_FAST = '1';
  try {
    return await verifyFile(path, opts);
  } finally {
    delete process.env.SIGILLO_NO_FAST;
  }
}

/** the report with the content hashed early, checked identical to the slow one; `taken`: the reader used it */
async function same(path: string, expectStarted = true, change?: () => void) {
  delete process.env.SIGILLO_NO_FAST;
  expect(await prefetchContentHash(path)).toBe(expectStarted);
  change?.();
  const before = contentPrefetchTaken.count;
  const innerBefore = contentPrefetchTaken.inner;
  const fast = await verifyFile(path, opts);
  const taken = contentPrefetchTaken.count > before;
  const innerTaken = contentPrefetchTaken.inner > innerBefore;
  await cancelContentPrefetch();
  expect(JSON.stringify(fast)).toBe(JSON.stringify(await slow(path)));
  return { report: fast, taken, innerTaken };
}

const integrity = (r: FileReport) => r.signatures.map((s) => [s.depth, s.integrity]);

describe('content hashed before the verifier reaches it', () => {
  let content = '';
  let p7m = '';
  beforeAll(() => {
    content = write('big.bin', randomBytes(20 * MIB + 4321)); // past CONTENT_PREFETCH_MIN_BYTES
    p7m = sign(content, 'big.bin.p7m');
  });

  it('finds the content where the file has it, from the first bytes only', async () => {
    const file = readFileSync(p7m);
    const place = await locateContent(file.subarray(0, 64 * 1024));
    expect(place?.length).toBe(20 * MIB + 4321);
    const at = place?.from ?? 0;
    expect(file.subarray(at, at + 1000).equals(readFileSync(content).subarray(0, 1000))).toBe(true);
    expect(place?.digestAlgorithmOids).toEqual(['2.16.840.1.101.3.4.2.1']);
  });

  it('a valid DER p7m: taken, valid, the same report', async () => {
    const { report, taken } = await same(p7m);
    expect(taken).toBe(true);
    expect(integrity(report)).toEqual([[0, 'valid']]);
  });

  it('a byte of the content changed (in the part the reader skips): invalid, the same report', async () => {
    const bytes = readFileSync(p7m);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 5 * MIB) ^ 0x01, bytes.length - 5 * MIB);
    const { report, taken } = await same(write('tampered.p7m', bytes));
    expect(taken).toBe(true);
    expect(integrity(report)).toEqual([[0, 'invalid']]);
  });

  it('cut in the content, or after it: the same error at the same offset', async () => {
    const bytes = readFileSync(p7m);
    for (const [name, keep] of [
      ['cut-content.p7m', 18 * MIB],
      ['cut-after.p7m', bytes.length - 200],
    ] as const) {
      const { report } = await same(write(name, bytes.subarray(0, keep)));
      expect(report.error?.code).toBe('TRUNCATED');
    }
  });

  it('a content length beyond the end of the file: the same error', async () => {
    const bytes = Buffer.from(readFileSync(p7m));
    const place = await locateContent(bytes.subarray(0, 64 * 1024));
    if (!place) throw new Error('no content found');
    // the OCTET STRING's 4-byte length, just before the content: claim 16 MiB more
    bytes.writeUInt32BE(place.length + 16 * MIB, place.from - 4);
    const { report } = await same(write('long.p7m', bytes));
    expect(report.error?.code).toBeTruthy();
  });

  it('the file changed after the hashing started: not taken, the same report as a slow run of the new file', async () => {
    const path = write('changing.p7m', readFileSync(p7m));
    const bytes = readFileSync(p7m);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3 * MIB) ^ 0x80, bytes.length - 3 * MIB);
    const { report, taken } = await same(path, true, () => {
      writeFileSync(path, bytes); // same size, new bytes, same inode
      utimesSync(path, new Date(), new Date(Date.now() + 5000)); // a later modification time, even on a coarse clock
    });
    expect(taken).toBe(false);
    expect(integrity(report)).toEqual([[0, 'invalid']]);
  });

  it('a p7m signed again: the outer content is the inner p7m, read in full; both levels valid, the same report', async () => {
    const nested = sign(p7m, 'big.bin.p7m.p7m');
    const { report, taken } = await same(nested);
    expect(taken).toBe(true);
    expect(integrity(report)).toEqual([
      [0, 'valid'],
      [1, 'valid'],
    ]);
  });

  it('an XML content bigger than the FatturaPA peek: skipped once dropped, the same report', async () => {
    const xml = write('big.xml', `<?xml version="1.0"?><doc>${'x'.repeat(18 * MIB)}</doc>`);
    const { report, taken } = await same(sign(xml, 'big.xml.p7m'));
    expect(taken).toBe(true);
    expect(integrity(report)).toEqual([[0, 'valid']]);
  });

  it('BER (openssl -stream, constructed content): not hashed early, the same report', async () => {
    const { report } = await same(sign(content, 'big-ber.p7m', ['-nodetach', '-stream']), false);
    expect(integrity(report)).toEqual([[0, 'valid']]);
  });

  it('a small p7m or a file that is no p7m: nothing started', async () => {
    const small = sign(write('small.bin', randomBytes(1000)), 'small.p7m');
    expect(await prefetchContentHash(small)).toBe(false);
    expect(await prefetchContentHash(content)).toBe(false);
    const cut = write('head-only.p7m', readFileSync(p7m).subarray(0, 30));
    expect(await prefetchContentHash(cut)).toBe(false);
    truncateSync(cut, 0);
    expect(await prefetchContentHash(cut)).toBe(false);
  });
});

describe("a p7m signed again: both levels' contents hashed from the file", () => {
  let inner = '';
  let nested = '';
  /** the inner p7m's place inside the nested file (the outer content) */
  let outerPlace = { from: 0, length: 0 };
  beforeAll(async () => {
    inner = sign(write('in.bin', randomBytes(20 * MIB + 999)), 'in.bin.p7m');
    nested = sign(inner, 'in.bin.p7m.p7m');
    const place = await locateContent(readFileSync(nested).subarray(0, 64 * 1024));
    if (!place) throw new Error('no content found');
    outerPlace = place;
  });

  /** the inner p7m changed by `edit`, signed again */
  function nestedOf(name: string, edit: (b: Buffer) => Buffer, flags?: string[]): string {
    const bytes = edit(Buffer.from(readFileSync(inner)));
    return sign(write(`${name}.p7m`, bytes), `${name}.p7m.p7m`, flags);
  }

  async function innerContentPlace(): Promise<{ from: number; length: number }> {
    const place = await locateContent(readFileSync(inner).subarray(0, 64 * 1024));
    if (!place) throw new Error('no content found');
    return place;
  }

  it('valid: both taken (no content read on the main thread), both levels valid, the same report', async () => {
    const moved = channelPassOvers.moved;
    const { report, taken, innerTaken } = await same(nested);
    expect([taken, innerTaken]).toEqual([true, true]);
    // the inner content was moved over in the file, not read and dropped (all but the piece in flight)
    expect(channelPassOvers.moved - moved).toBeGreaterThan(18 * MIB);
    expect(integrity(report)).toEqual([
      [0, 'valid'],
      [1, 'valid'],
    ]);
  });

  it('a byte of the inner content changed: both taken, both levels invalid, the same report', async () => {
    const bytes = readFileSync(nested);
    const at = outerPlace.from + Math.floor(outerPlace.length / 2);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x04, at);
    const { report, taken, innerTaken } = await same(write('nested-tampered.p7m', bytes));
    expect([taken, innerTaken]).toEqual([true, true]);
    expect(integrity(report)).toEqual([
      [0, 'invalid'],
      [1, 'invalid'],
    ]);
  });

  it('a byte of the inner signer info changed (after the inner content): the same report', async () => {
    const bytes = readFileSync(nested);
    const at = outerPlace.from + outerPlace.length - 20; // in the inner signature value
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x10, at);
    const { report, taken, innerTaken } = await same(write('nested-signer.p7m', bytes));
    expect([taken, innerTaken]).toEqual([true, true]);
    expect(integrity(report)[0]).toEqual([0, 'invalid']);
    expect(report.error?.code ?? integrity(report)[1]?.[1]).not.toBe('valid');
  });

  it('the inner p7m cut after its content, and inside it: the same error', async () => {
    const len = readFileSync(inner).length;
    const after = await same(nestedOf('cut-trailer', (b) => b.subarray(0, len - 200)));
    expect(after.innerTaken).toBe(true);
    expect(after.report.error?.code).toBe('TRUNCATED');
    const inside = await same(nestedOf('cut-content', (b) => b.subarray(0, 18 * MIB)));
    expect(inside.innerTaken).toBe(false); // its length goes past the outer content: not planned
    expect(inside.report.error?.code).toBe('TRUNCATED');
  });

  it('the inner content length lies (shorter, longer): the same error', async () => {
    const place = await innerContentPlace();
    for (const [name, delta, planned] of [
      ['lie-short', -MIB, true],
      ['lie-long', 16 * MIB, false],
    ] as const) {
      const path = nestedOf(name, (b) => {
        b.writeUInt32BE(place.length + delta, place.from - 4);
        return b;
      });
      const { report, taken, innerTaken } = await same(path);
      expect([taken, innerTaken]).toEqual([true, planned]);
      expect(report.error?.code).toBeTruthy();
    }
  });

  it('an inner BER p7m: the outer content taken, the inner level read as before, the same report', async () => {
    const ber = sign(write('in-ber.bin', randomBytes(20 * MIB)), 'in-ber.p7m', ['-nodetach', '-stream']);
    const { report, taken, innerTaken } = await same(sign(ber, 'in-ber.p7m.p7m'));
    expect([taken, innerTaken]).toEqual([true, false]);
    expect(integrity(report)).toEqual([
      [0, 'valid'],
      [1, 'valid'],
    ]);
  });

  it('three levels: the first two contents taken, the third read through them, the same report', async () => {
    const three = sign(nested, 'in.bin.p7m.p7m.p7m');
    const { report, taken, innerTaken } = await same(three);
    expect([taken, innerTaken]).toEqual([true, true]);
    expect(integrity(report)).toEqual([
      [0, 'valid'],
      [1, 'valid'],
      [2, 'valid'],
    ]);
    // and a byte of the innermost content changed: every level invalid
    const bytes = readFileSync(three);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 12 * MIB) ^ 0x01, bytes.length - 12 * MIB);
    const t = await same(write('three-tampered.p7m', bytes));
    expect(integrity(t.report)).toEqual([
      [0, 'invalid'],
      [1, 'invalid'],
      [2, 'invalid'],
    ]);
  });
});
