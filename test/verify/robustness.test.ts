/**
 * Damaged inputs (the fuzz mutations of test/fuzz/fuzz-support.ts: bytes flipped, set, cut, inserted, deleted,
 * duplicated, DER lengths changed) never make verifyFile throw or hang; a changed content byte never passes.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { opensslCmsSign } from './support/openssl-cms';
import { applyMutation, mutationArb } from '../fuzz/fuzz-support';

const fx = inject('fixture');
let dir = '';
let original: Buffer;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'robust-'));
  const input = join(dir, 'doc.txt');
  writeFileSync(input, 'contenuto firmato\n'.repeat(20));
  original = Buffer.from(
    opensslCmsSign({
      input,
      out: join(dir, 'a.p7m'),
      signer: fx.pki.signature,
      flags: ['-nodetach', '-stream'],
    }),
  );
});

describe('robustness', () => {
  it('damaged p7m: a per-file error or signatures, never a throw; the input is left as it was', async () => {
    const trust = new TrustStore([]);
    await fc.assert(
      fc.asyncProperty(mutationArb, async (m) => {
        const file = join(dir, `m${n++}.p7m`);
        const bytes = applyMutation(original, m);
        writeFileSync(file, bytes);
        const r = await verifyFile(file, { trust });
        expect(r.error !== null || r.signatures.length > 0).toBe(true);
        if (r.error) expect(r.error.code).toMatch(/^[A-Z_]+$/);
        expect(readFileSync(file).equals(bytes)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('any flipped byte of the signed content → integrity invalid', async () => {
    const trust = new TrustStore([]);
    const start = original.indexOf(Buffer.from('contenuto firmato'));
    const length = 'contenuto firmato\n'.length * 20;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (i, bits) => {
          const file = join(dir, `c${n++}.p7m`);
          const b = Buffer.from(original);
          b[start + i] = (b[start + i] ?? 0) ^ bits;
          writeFileSync(file, b);
          const r = await verifyFile(file, { trust });
          expect(r.signatures[0]?.integrity).toBe('invalid');
          expect(r.signatures[0]?.subIndication).toBe('HASH_FAILURE');
        },
      ),
      { numRuns: 50 },
    );
  });
});
