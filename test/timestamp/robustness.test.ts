/**
 * Damaged .tsd / .m7m / .tsr files: verification gives a report or a per-file error, extraction an error or a
 * result, never a throw, a hang or a partial output; the damaged input is left as it was.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { timestampFile, type TimestampFormat } from '../../electron/core/timestamp/timestamp-file';
import { extractTimestamped } from '../../electron/core/timestamp/extract-timestamped';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { makeTsaPki, startTsaServer, type TestTsa } from '../support/tsa-server';
import { opensslP7m } from './support/ltv-fixture';

const fx = inject('fixture');
let dir: string;
let tsa: TestTsa;
const samples: Partial<Record<TimestampFormat, Buffer>> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sigillo-ts-robust-'));
  tsa = await startTsaServer({ pki: makeTsaPki(join(dir, 'tsa')) });
  const doc = join(dir, 'doc.txt');
  writeFileSync(doc, 'documento '.repeat(200));
  opensslP7m(doc, fx.pki.signature);
  for (const format of ['tsd', 'tsr', 'm7m'] as const) {
    const input = format === 'm7m' ? `${doc}.p7m` : doc;
    const r = await timestampFile({ input, format, overwrite: true, tsa: { url: tsa.url } });
    samples[format] = readFileSync(r.output);
  }
});
afterAll(async () => {
  await tsa.close();
  rmSync(dir, { recursive: true, force: true });
});

const trust = new TrustStore([]);
let n = 0;

describe('damaged timestamp files', () => {
  for (const format of ['tsd', 'tsr', 'm7m'] as const) {
    it(`${format}: flipped bytes and truncation never crash verify or extract`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          fc.boolean(),
          async (pos, xor, truncate) => {
            const original = samples[format] as Buffer;
            const at = pos % original.length;
            const bytes = truncate ? original.subarray(0, at) : Buffer.from(original);
            if (!truncate) bytes[at] = (bytes[at] as number) ^ xor;
            const d = join(dir, `case-${n++}`);
            mkdirSync(d);
            const file = join(d, `damaged.txt.${format}`);
            writeFileSync(file, bytes);
            if (format === 'tsr') writeFileSync(join(d, 'damaged.txt'), 'documento '.repeat(200));
            const before = createHash('sha256').update(bytes).digest('hex');
            const report = await verifyFile(file, { trust });
            expect(report.file).toBe(file);
            expect(
              report.error !== null || report.signatures.length + (report.timestamps?.length ?? 0) > 0,
            ).toBe(true);
            const out = join(d, 'out');
            mkdirSync(out);
            const x = await extractTimestamped(file, { outDir: out, overwrite: false, force: false });
            if (x?.error) expect(readdirSync(out)).toEqual([]);
            expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
          },
        ),
        { numRuns: 40, seed: 1234 },
      );
    });
  }
});
