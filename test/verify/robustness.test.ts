/** Damaged inputs (bytes flipped, cut, inserted) never make verifyFile throw or hang; a changed content byte never passes. */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyFile } from '../../electron/core/verify/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { opensslCmsSign } from './support/openssl-cms';

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

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
);

type Mutation =
  | { kind: 'flip'; at: number; bits: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array };

function apply(m: Mutation): Buffer {
  const at = m.at % original.length;
  if (m.kind === 'cut') return original.subarray(0, at);
  if (m.kind === 'insert') return Buffer.concat([original.subarray(0, at), m.bytes, original.subarray(at)]);
  const b = Buffer.from(original);
  b[at] = (b[at] ?? 0) ^ m.bits;
  return b;
}

describe('robustness', () => {
  it('damaged p7m: a per-file error or signatures, never a throw; the input is left as it was', async () => {
    const trust = new TrustStore([]);
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const file = join(dir, `m${n++}.p7m`);
        const bytes = apply(m);
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
