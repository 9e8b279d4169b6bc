/**
 * Properties of the input detection: any DER comes back byte-exact from base64 or PEM whatever the line
 * breaks (LF, CRLF, CR, none, any width), the chunking or a BOM; any other text is a result or NOT_CMS.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectInput } from '../../electron/core/cms/input-detect';
import { chunked, fuzzTimeout, runs, structured } from './fuzz-support';

async function decode(text: Uint8Array, chunk: number): Promise<{ encoding: string; bytes: Buffer }> {
  const d = await detectInput(chunked(text, chunk));
  const parts: Uint8Array[] = [];
  for await (const p of d.bytes) parts.push(p);
  return { encoding: d.encoding, bytes: Buffer.concat(parts) };
}

/** DER-looking bytes: a SEQUENCE tag first, then anything. */
const derArb = fc
  .uint8Array({ minLength: 1, maxLength: 3000 })
  .map((b) => Buffer.concat([Buffer.of(0x30), b]));

describe('fuzz: base64 / PEM detection', () => {
  it(
    'base64 and PEM of DER decode to the same bytes, any layout and chunking',
    { timeout: fuzzTimeout(300) },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          derArb,
          fc.constantFrom('\n', '\r\n', '\r', ''),
          fc.integer({ min: 4, max: 200 }),
          fc.boolean(),
          fc.boolean(),
          fc.integer({ min: 1, max: 4096 }),
          async (der, eol, width, armour, bom, chunk) => {
            const b64 = der.toString('base64');
            const lines = b64.match(new RegExp(`.{1,${width}}`, 'g'))!.join(eol);
            const body = armour
              ? `-----BEGIN PKCS7-----${eol || '\n'}${lines}${eol || '\n'}-----END PKCS7-----\n`
              : lines;
            const text = Buffer.concat([
              bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
              Buffer.from(body),
            ]);
            const r = await decode(text, chunk);
            expect(r.encoding).toBe(armour ? 'pem' : 'base64');
            expect(r.bytes.equals(der)).toBe(true);
          },
        ),
        { numRuns: runs(300) },
      );
    },
  );

  it(
    'any text: decoded bytes or NOT_CMS, never another error, under 1 s',
    { timeout: fuzzTimeout(300) },
    async () => {
      const textArb = fc.oneof(
        fc.string({ maxLength: 2000 }),
        fc.string({
          unit: fc.constantFrom('M', 'I', 'A', '=', '-', '\n', '\r', ' ', '+', '/', 'é', '\u0000'),
          maxLength: 3000,
        }),
        fc.string({ maxLength: 500 }).map((s) => `-----BEGIN CMS-----\n${s}\n-----END CMS-----`),
      );
      await fc.assert(
        fc.asyncProperty(textArb, fc.integer({ min: 1, max: 512 }), async (s, chunk) => {
          const r = await structured(() => decode(Buffer.from(s, 'utf8'), chunk));
          if (r instanceof Error) expect(r.code).toBe('NOT_CMS');
        }),
        { numRuns: runs(300) },
      );
    },
  );
});
