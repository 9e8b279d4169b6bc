/**
 * The one-pass hashing of all signatures' byte ranges (shared-range-hash.ts, issue 22): every job gets exactly
 * the digests of its own ranges (prefixes shared, gaps, overlapping jobs, several algorithms, SHAKE256), jobs
 * it cannot take are left to hashRanges (which still refuses hostile ranges), and a PDF with three signatures
 * gets the same report with and without the fast paths — a byte changed in a later revision breaks exactly
 * the signatures covering it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { hashRangeJobs, sharedPassFits, type RangeJob } from '../../electron/core/pdf/shared-range-hash';
import { hashRanges } from '../../electron/core/pdf/byte-range-hash';
import { signPades } from '../../electron/core/sign/pades-sign';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { openVerification } from '../../electron/core/validate/session';
import type { VerifyFileOptions } from '../../electron/core/verify/file-types';
import type { HashName } from '../../electron/core/cms/algorithm-oids';
import { writeHandwritten } from './support/make-pdf';
import { fileSigner } from './support/signers';

const fx = inject('fixture');

/** the oracle: the digest of the concatenated slices, from the whole file in memory */
function expected(bytes: Buffer, ranges: [number, number][], h: HashName): string {
  const hash = h === 'shake256' ? createHash(h, { outputLength: 64 }) : createHash(h);
  for (const [s, l] of ranges) hash.update(bytes.subarray(s, s + l));
  return hash.digest('hex');
}

describe('one hashing pass for every signature', () => {
  let dir: string;
  let file: string;
  let bytes: Buffer;

  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'shared-hash-'));
    file = join(dir, 'random.bin');
    // more than one read chunk (4 MiB), so ranges cross chunk borders
    bytes = randomBytes(9 * 1024 * 1024 + 123);
    writeFileSync(file, bytes);
  });

  it('gives each job the digests of its own ranges: shared prefixes, gaps, overlaps between jobs', async () => {
    const size = bytes.length;
    const jobs: RangeJob[] = [
      // three PAdES signatures, each a later revision: same first range start, own gap, own end
      {
        ranges: [
          [0, 5_000_000],
          [5_000_100, 1_000],
        ],
        algorithms: ['sha256', 'sha1'],
      },
      {
        ranges: [
          [0, 6_000_000],
          [6_000_200, 2_000_000],
        ],
        algorithms: ['sha256', 'sha512'],
      },
      {
        ranges: [
          [0, 8_100_000],
          [8_100_300, size - 8_100_300],
        ],
        algorithms: ['sha256', 'shake256'],
      },
      // not a prefix: starts inside another's gap, ends inside another's range
      {
        ranges: [
          [5_000_050, 10],
          [5_000_070, 4_000_000],
        ],
        algorithms: ['sha384', 'sha256'],
      },
      // empty ranges, no ranges, the same ranges twice
      {
        ranges: [
          [0, 0],
          [10, 0],
        ],
        algorithms: ['sha256'],
      },
      { ranges: [], algorithms: ['sha256'] },
      {
        ranges: [
          [0, 5_000_000],
          [5_000_100, 1_000],
        ],
        algorithms: ['sha256'],
      },
    ];
    const got = await hashRangeJobs(file, jobs);
    jobs.forEach((j, i) => {
      for (const h of j.algorithms) {
        expect(got[i]!.get(h)!.toString('hex'), `job ${i} ${h}`).toBe(expected(bytes, j.ranges, h));
        expect(got[i]!.get(h)!.equals(hashRanges(file, j.ranges, [h]).get(h)!)).toBe(true);
      }
      expect([...got[i]!.keys()].sort()).toEqual([...new Set(j.algorithms)].sort());
    });
  });

  it('leaves overlapping, unordered and invalid ranges to hashRanges, which refuses the hostile ones', async () => {
    expect(
      sharedPassFits([
        [0, 10],
        [5, 10],
      ]),
    ).toBe(false); // overlap
    expect(
      sharedPassFits([
        [100, 10],
        [0, 10],
      ]),
    ).toBe(false); // backwards
    expect(sharedPassFits([[-1, 10]])).toBe(false);
    expect(sharedPassFits([[0, 1.5]])).toBe(false);
    expect(
      sharedPassFits([
        [0, Number.MAX_SAFE_INTEGER],
        [Number.MAX_SAFE_INTEGER, 1],
      ]),
    ).toBe(false);
    expect(
      sharedPassFits([
        [0, 10],
        [10, 5],
      ]),
    ).toBe(true);
    const overlap: [number, number][] = [
      [0, 100],
      [50, 100],
    ];
    const got = await hashRangeJobs(file, [
      { ranges: overlap, algorithms: ['sha256'] },
      { ranges: [[-5, 10]], algorithms: ['sha256'] },
      { ranges: [[0, 100]], algorithms: ['sha256'] },
    ]);
    expect(got[0]).toBeUndefined();
    expect(got[1]).toBeUndefined();
    expect(got[2]!.get('sha256')!.toString('hex')).toBe(expected(bytes, [[0, 100]], 'sha256'));
    // the one-by-one path hashes an overlap as written (the ByteRange check reports it) and refuses negatives
    expect(hashRanges(file, overlap, ['sha256']).get('sha256')!.toString('hex')).toBe(
      expected(bytes, overlap, 'sha256'),
    );
    expect(() => hashRanges(file, [[-5, 10]], ['sha256'])).toThrow(
      expect.objectContaining({ code: 'PDF_BROKEN' }),
    );
  });

  it('refuses a range beyond the end of the file with PDF_BROKEN', async () => {
    await expect(
      hashRangeJobs(file, [
        {
          ranges: [
            [0, 10],
            [bytes.length - 5, 10],
          ],
          algorithms: ['sha256'],
        },
      ]),
    ).rejects.toMatchObject({ code: 'PDF_BROKEN' });
  });
});

describe('a PDF with three signatures', () => {
  let dir: string;
  let opts: VerifyFileOptions;
  let three: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'shared-hash-pdf-'));
    opts = await openVerification({ trustFiles: [fx.pki.rootPem], offline: true, cacheDir: null });
    let input = writeHandwritten(join(dir, 'doc.pdf'), { pages: 3 });
    for (let i = 1; i <= 3; i++) {
      const output = join(dir, `doc-${i}.pdf`);
      await signPades({ input, output, overwrite: false, digest: 'sha256', signer: fileSigner(fx.pki) });
      input = output;
    }
    three = input;
  });

  async function report(path: string, fast: boolean): Promise<string> {
    const before = process.env.SIGILLO_NO_FAST;
    if (fast) delete process.env.SIGILLO_NO_FAST;
    else process.env.SIGILLO_NO_FAST = '1';
    try {
      const r = await verifyPdf(path, { ...opts, now: new Date('2030-01-01T00:00:00Z') });
      return JSON.stringify(r);
    } finally {
      if (before === undefined) delete process.env.SIGILLO_NO_FAST;
      else process.env.SIGILLO_NO_FAST = before;
    }
  }

  it('verifies all three, the report the same with and without the fast paths', async () => {
    const fast = await report(three, true);
    expect(fast).toBe(await report(three, false));
    const r = JSON.parse(fast) as { signatures: { integrity: string; coversWholeDocument: boolean }[] };
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid', 'valid']);
    expect(r.signatures.map((s) => s.coversWholeDocument)).toEqual([false, false, true]);
  });

  it('a byte changed in the second revision breaks the second and third signature, not the first', async () => {
    const bytes = readFileSync(three);
    const firstEnd = readFileSync(join(dir, 'doc-1.pdf')).length;
    // the claimed signing time of the second signature's dictionary: after the first revision, before the third
    const at = bytes.indexOf('/M (D:', firstEnd) + 8;
    expect(at).toBeGreaterThan(firstEnd + 8);
    expect(at).toBeLessThan(readFileSync(join(dir, 'doc-2.pdf')).length);
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    const tampered = join(dir, 'tampered-2.pdf');
    writeFileSync(tampered, bytes);
    const fast = await report(tampered, true);
    expect(fast).toBe(await report(tampered, false));
    const r = JSON.parse(fast) as { signatures: { integrity: string; subIndication: string | null }[] };
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'invalid', 'invalid']);
    expect(r.signatures.slice(1).map((s) => s.subIndication)).toEqual(['HASH_FAILURE', 'HASH_FAILURE']);
  });

  it('a byte changed in the shared prefix breaks all three', async () => {
    const bytes = readFileSync(three);
    const at = bytes.indexOf('Documento di prova');
    bytes.write('Dokumento', at, 'latin1');
    const tampered = join(dir, 'tampered-1.pdf');
    writeFileSync(tampered, bytes);
    const fast = await report(tampered, true);
    expect(fast).toBe(await report(tampered, false));
    const r = JSON.parse(fast) as { signatures: { integrity: string }[] };
    expect(r.signatures.map((s) => s.integrity)).toEqual(['invalid', 'invalid', 'invalid']);
  });
});
