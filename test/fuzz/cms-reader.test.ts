/**
 * Fuzzing the streaming p7m reader and the file verifier on mutated valid signatures (DER, BER from
 * `openssl cms -stream`, detached, two signers, base64, PEM): every input ends in a result or a SigilloError,
 * in under a second, whatever the chunking; plus hand-made bombs (deep nesting, huge lengths, huge counts).
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { SigilloError } from '../../electron/core/errors';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { opensslSign } from '../cms/reader-helpers';
import {
  chunked,
  corpusFiles,
  fuzzTimeout,
  mutatedArb,
  runs,
  saveCrasher,
  structured,
  withinTime,
} from './fuzz-support';

const fx = inject('fixture');

describe('fuzz: p7m reader', () => {
  let dir: string;
  let bases: Uint8Array[];
  let trust: TrustStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'fuzz-cms-'));
    const content = join(dir, 'fattura.xml');
    writeFileSync(content, '<FatturaElettronica>' + 'x'.repeat(3000) + '</FatturaElettronica>\n');
    const p = fx.pki;
    const make = (name: string, extra: string[], signers = [p.signature]) =>
      new Uint8Array(readFileSync(opensslSign(p, content, join(dir, name), extra, signers)));
    const der = make('der.p7m', ['-nodetach', '-outform', 'DER']);
    bases = [
      der,
      make('ber.p7m', ['-nodetach', '-stream', '-outform', 'DER']),
      make('detached.p7s', ['-outform', 'DER']),
      make('two.p7m', ['-nodetach', '-outform', 'DER'], [p.signature, p.ecSignature]),
      new Uint8Array(Buffer.from(Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\r\n'))),
      make('pem.p7m', ['-nodetach', '-outform', 'PEM']),
    ];
    trust = new TrustStore([{ der: new Uint8Array(readFileSync(p.root.certDer)) } as never]);
  });

  it('reads every base input (the mutations start from valid files)', async () => {
    for (const b of bases) {
      const s = await readSignedData(chunked(b, 4096));
      expect(s.signerInfos.length).toBeGreaterThan(0);
    }
  });

  it(
    'mutated input, any chunking: a summary or a SigilloError, each under 1 s',
    { timeout: fuzzTimeout(300) },
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedArb(bases), fc.integer({ min: 1, max: 5000 }), async (bytes, chunk) => {
          try {
            await structured(() => readSignedData(chunked(bytes, chunk)));
          } catch (e) {
            saveCrasher('cms', bytes);
            throw e;
          }
        }),
        { numRuns: runs(300) },
      );
    },
  );

  it('the chunking never changes what is read from a valid file', { timeout: fuzzTimeout(100) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(bases.length - 1), fc.integer({ min: 1, max: 9000 }), async (i, chunk) => {
        const whole = await readSignedData(chunked(bases[i]!, 1 << 20), { digests: ['sha256'] });
        const split = await readSignedData(chunked(bases[i]!, chunk), { digests: ['sha256'] });
        expect(split.contentDigests).toEqual(whole.contentDigests);
        expect(split.signerInfos).toEqual(whole.signerInfos);
        expect(split.certificates).toEqual(whole.certificates);
      }),
      { numRuns: runs(100) },
    );
  });

  it(
    'verifyFile on a mutated file: always a per-file report, never a throw, under 1 s',
    { timeout: fuzzTimeout(150) },
    async () => {
      let i = 0;
      await fc.assert(
        fc.asyncProperty(mutatedArb(bases), async (bytes) => {
          const f = join(dir, `m${i++ % 8}.p7m`);
          writeFileSync(f, bytes);
          const r = await withinTime(() => verifyFile(f, { trust }));
          expect(r.file).toBe(f);
          if (r.error) expect(r.error.code).toMatch(/^[A-Z0-9_]+$/);
        }),
        { numRuns: runs(150) },
      );
    },
  );

  it('regression corpus (test/fuzz/corpus/cms): a result or a SigilloError', async () => {
    for (const { bytes } of corpusFiles('cms')) await structured(() => readSignedData(chunked(bytes, 777)));
  });
});

describe('fuzz: p7m bombs', () => {
  const start = Buffer.from(
    '3080' +
      '06092a864886f70d010702' +
      'a080' +
      '3080' +
      '020101' +
      '3100' +
      '3080' +
      '06092a864886f70d010701',
    'hex',
  );
  const one = (b: Uint8Array) => chunked(b, 65536);

  async function code(bytes: Uint8Array): Promise<string> {
    const r = await structured(() => readSignedData(one(bytes)));
    return r instanceof SigilloError ? r.code : 'OK';
  }

  it('deeply nested indefinite certificates: CMS_NESTING_TOO_DEEP, fast', async () => {
    const bomb = Buffer.concat([
      start,
      Buffer.from('0000', 'hex'),
      Buffer.from('a080'),
      Buffer.alloc(0),
      Buffer.from('3080'.repeat(100_000), 'hex'),
    ]);
    expect(await code(bomb)).toMatch(/CMS_NESTING_TOO_DEEP|MALFORMED_CMS|TRUNCATED/);
  });

  it('deeply nested constructed OCTET STRINGs in the content: CMS_NESTING_TOO_DEEP, fast', async () => {
    const bomb = Buffer.concat([
      start,
      Buffer.from('a080', 'hex'),
      Buffer.from('2480'.repeat(100_000), 'hex'),
    ]);
    expect(await code(bomb)).toBe('CMS_NESTING_TOO_DEEP');
  });

  it('a certificate claiming 2^48 bytes: CMS_TOO_LARGE before any allocation', async () => {
    const bomb = Buffer.concat([start, Buffer.from('0000' + 'a080' + '3086ffffffffffff', 'hex')]);
    expect(await code(bomb)).toBe('CMS_TOO_LARGE');
  });

  it('content claiming 2^48 bytes: TRUNCATED (streamed, never buffered)', async () => {
    const bomb = Buffer.concat([start, Buffer.from('a080' + '0486ffffffffffff', 'hex'), Buffer.alloc(1000)]);
    expect(await code(bomb)).toBe('TRUNCATED');
  });

  it('a million empty certificates: refused or read, under 1 s and without holding millions of objects', async () => {
    const bomb = Buffer.concat([
      start,
      Buffer.from('0000' + 'a080', 'hex'),
      Buffer.alloc(2_000_000, 0).fill(Buffer.from('3000', 'hex')),
    ]);
    const before = process.memoryUsage().heapUsed;
    const c = await code(bomb);
    expect(c).not.toBe('OK');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a PEM header that never ends does not pile up in memory', async () => {
    const text = Buffer.concat([Buffer.from('-----BEGIN PKCS7'), Buffer.alloc(8 << 20, 0x41)]);
    expect(await code(text)).toBe('NOT_CMS');
  });

  it('megabytes of blanks before anything: NOT_CMS without buffering them', async () => {
    expect(await code(Buffer.alloc(16 << 20, 0x20))).toBe('NOT_CMS');
  });
});
