/**
 * Big read buffers are placed off the slow copy band (files/aligned-buffer.ts): the distance between a buffer and
 * the file position it is read from, modulo 4 KiB, is never 1–31 bytes (for Node's allocations, 16 bytes past a
 * page, and page-aligned ones), also when reads and writes of the same buffer both count. Checked on the numbers,
 * on the buffers handed out, and with strace on a real verification of a big DER and BER p7m (every read of
 * 64 KiB or more: the addresses the kernel copied into against the file positions).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  bufferShift,
  placedBuffer,
  PlacedReads,
  PLACE_SLACK,
} from '../../electron/core/files/aligned-buffer';
import { ReadPool } from '../../electron/core/files/read-pool';
import { CLI } from '../support/cli';
import { opensslCmsSign } from '../verify/support/openssl-cms';

const fx = inject('fixture');
const MIB = 1024 * 1024;
/** (destination − source) mod 4 KiB, slow when 1 … 31 */
const dist = (dst: number, src: number) => (((dst - src) % 4096) + 4096) % 4096;
const slow = (d: number) => d >= 1 && d <= 31;
/** how far `d` is from the slow band */
const margin = (d: number) => Math.min(dist(d, 31), dist(1, d));

describe('placing read buffers', () => {
  const positions = [
    0,
    1,
    15,
    16,
    17,
    31,
    32,
    63,
    64,
    76,
    80,
    152,
    2048,
    4064,
    4080,
    4095,
    4096,
    4172,
    1 << 30,
  ];

  it('keeps a buffer read from any position far from the band, whether its allocation starts 0 or 16 bytes past a page', () => {
    for (const readAt of positions) {
      const shift = bufferShift(readAt);
      expect(shift % 64).toBe(0);
      expect(shift).toBeGreaterThanOrEqual(0);
      expect(shift).toBeLessThan(PLACE_SLACK);
      for (const start of [0, 16]) expect(margin(dist(start + shift, readAt))).toBeGreaterThanOrEqual(1900);
    }
  });

  it('keeps both the read and the write distance out of the band for a copy', () => {
    for (const readAt of positions) {
      for (const writeAt of positions) {
        const shift = bufferShift(readAt, writeAt);
        for (const start of [0, 16]) {
          expect(slow(dist(start + shift, readAt))).toBe(false);
          expect(slow(dist(writeAt, start + shift))).toBe(false);
        }
        // the best there is: at least ~1000 bytes from both bands, whatever the two positions
        expect(margin(dist(16 + shift, readAt))).toBeGreaterThanOrEqual(900);
        expect(margin(dist(writeAt, 16 + shift))).toBeGreaterThanOrEqual(900);
      }
    }
  });

  it('hands out views at that place, of the asked length, shared when asked', () => {
    const b = placedBuffer(1000, { readAt: 76 });
    expect(b.byteOffset).toBe(bufferShift(76));
    expect(b.length).toBe(1000);
    expect(b.buffer.byteLength).toBe(1000 + PLACE_SLACK);
    const s = placedBuffer(1000, { readAt: 0, writeAt: 76, shared: true });
    expect(s.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(s.byteOffset).toBe(bufferShift(0, 76));
    const reads = new PlacedReads(4096);
    expect(reads.at(0).byteOffset).toBe(bufferShift(0));
    expect(reads.at(100).byteOffset).toBe(bufferShift(100));
    expect(reads.at(100).buffer).toBe(reads.at(0).buffer); // one allocation
    const pool = new ReadPool(8192);
    const a = pool.take(300);
    expect(a.byteOffset).toBe(bufferShift(300));
    pool.give(a);
    const again = pool.take(0);
    expect(again.buffer).toBe(a.buffer);
    expect(again.byteOffset).toBe(bufferShift(0));
    expect(again.length).toBe(8192);
  });
});

/** the big reads of a CLI run under strace: [address, length, file position] */
function bigReads(args: string[], env: NodeJS.ProcessEnv, log: string): [number, number, number][] {
  const run = spawnSync(
    'strace',
    ['-f', '-e', 'trace=pread64', '-e', 'raw=pread64', '-o', log, process.execPath, CLI, ...args],
    { env: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en', ...env }, encoding: 'utf8' },
  );
  // 0 valid, 1 another verdict (the test chain's revocation is unknown offline); more is a failure
  expect(run.status, run.stderr).toBeLessThanOrEqual(1);
  expect(JSON.parse(run.stdout)).toBeTruthy();
  const reads: [number, number, number][] = [];
  for (const m of readFileSync(log, 'latin1').matchAll(
    /pread64\((?:0x)?[0-9a-f]+, (0x[0-9a-f]+), (0x[0-9a-f]+), (0x[0-9a-f]+|\d+)\) = (0x[0-9a-f]+|\d+)/g,
  )) {
    const n = Number(m[4]);
    if (n >= 64 * 1024) reads.push([Number(m[1]), n, Number(m[3])]);
  }
  return reads;
}

describe('reads of a real verification (strace)', () => {
  it.each([
    ['DER (content hashed from the file)', ['-nodetach']],
    ['BER (read through the pool)', ['-nodetach', '-stream']],
  ])('%s: no big read lands in the slow band', (_name, flags) => {
    const dir = mkdtempSync(join(fx.root, 'aligned-'));
    const input = join(dir, 'in.bin');
    writeFileSync(input, randomBytes(24 * MIB));
    const p7m = join(dir, 'in.bin.p7m');
    opensslCmsSign({ input, out: p7m, signer: fx.pki.signature, certfile: fx.pki.caPem, flags });
    const env = { XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir };
    const reads = bigReads(
      ['verify', '--offline', '--json', '--trust', fx.pki.rootPem, p7m],
      env,
      join(dir, 'log'),
    );
    const total = reads.reduce((s, [, n]) => s + n, 0);
    expect(total).toBeGreaterThanOrEqual(24 * MIB); // the content was read through these calls
    const bad = reads.filter(([addr, , pos]) => slow(dist(addr, pos)));
    expect(bad).toEqual([]);
  });
});
