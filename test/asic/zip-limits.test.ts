/**
 * The ZIP reader's caps and path rules, on containers written byte by byte (test/support/raw-zip.ts): each trick
 * gets its own ZIP_* error code from the reader and from verifyFile — never INTERNAL, never a crash.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ZIP_LIMITS, ZipReader } from '../../electron/core/asic/zip-reader';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { ASIC_E_MIMETYPE, rawZip, type RawEntry } from '../support/raw-zip';

const fx = inject('fixture');
const dir = mkdtempSync(join(fx.root, 'zip-limits-'));
const trust = new TrustStore([]);
const SIG: RawEntry = { name: 'META-INF/signature.p7s', data: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]) };
let n = 0;

function container(entries: RawEntry[]): string {
  const p = join(dir, `c${n++}.asice`);
  writeFileSync(p, rawZip([ASIC_E_MIMETYPE, ...entries, SIG]));
  return p;
}

async function openCode(entries: RawEntry[]): Promise<string | undefined> {
  const p = container(entries);
  const fromReader = await ZipReader.open(p).then(
    async (z) => {
      await z.close();
      return undefined;
    },
    (e: { code?: string }) => e.code,
  );
  const report = await verifyFile(p, { trust });
  expect(report.error?.code).toBe(fromReader);
  return fromReader;
}

const doc = (name: string, text = 'x'): RawEntry => ({ name, data: Buffer.from(text) });

describe('ZIP path tricks', () => {
  it.each([
    ['../evil.txt'],
    ['a/../../evil.txt'],
    ['/etc/evil'],
    ['dir\\evil.txt'],
    ['C:evil.txt'],
    ['c:/evil.txt'],
    ['a//b.txt'],
    ['./a.txt'],
    ['nul\0.txt'],
  ])('%j → ZIP_UNSAFE_PATH', async (name) => {
    expect(await openCode([doc(name)])).toBe('ZIP_UNSAFE_PATH');
  });

  it('a symlink entry (Unix mode 120777) → ZIP_SYMLINK_ENTRY', async () => {
    expect(await openCode([{ name: 'link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }])).toBe(
      'ZIP_SYMLINK_ENTRY',
    );
    // the same entry as a plain Unix file is fine
    expect(await openCode([{ name: 'link', data: Buffer.from('/etc/passwd'), unixMode: 0o100644 }])).toBe(
      undefined,
    );
  });

  it('the same name twice, names that differ only by case or by Unicode normalisation → ZIP_DUPLICATE_NAME', async () => {
    expect(await openCode([doc('a.txt'), doc('a.txt')])).toBe('ZIP_DUPLICATE_NAME');
    expect(await openCode([doc('Fattura.xml'), doc('fattura.XML')])).toBe('ZIP_DUPLICATE_NAME');
    expect(await openCode([doc('caf\u00e9.txt'), doc('cafe\u0301.txt')])).toBe('ZIP_DUPLICATE_NAME');
    expect(await openCode([doc('dir/'), doc('DIR/')])).toBe('ZIP_DUPLICATE_NAME');
    expect(await openCode([doc('a.txt'), doc('b.txt')])).toBe(undefined);
  });

  it('a local header naming another entry than the central directory → ZIP_MALFORMED on read', async () => {
    const p = container([{ name: 'doc.txt', localName: 'evil.txt', data: Buffer.from('x') }]);
    const z = await ZipReader.open(p);
    try {
      await expect(z.read(z.find('doc.txt')!)).rejects.toMatchObject({ code: 'ZIP_MALFORMED' });
    } finally {
      await z.close();
    }
  });
});

describe('ZIP size caps', () => {
  it(`more than ${ZIP_LIMITS.maxEntries} entries → ZIP_TOO_MANY_ENTRIES`, async () => {
    const many = Array.from({ length: ZIP_LIMITS.maxEntries }, (_, i) => doc(`f${i}.txt`));
    expect(await openCode(many)).toBe('ZIP_TOO_MANY_ENTRIES');
    expect(await openCode(many.slice(0, ZIP_LIMITS.maxEntries - 3))).toBe(undefined);
  });

  it('a highly compressed entry (ratio over the cap) → ZIP_TOO_LARGE; a compressible small one is fine', async () => {
    const zeros = Buffer.alloc(ZIP_LIMITS.ratioFrom * 2);
    expect(await openCode([{ name: 'zeros.bin', data: zeros }])).toBe('ZIP_TOO_LARGE');
    expect(await openCode([{ name: 'small.bin', data: Buffer.alloc(ZIP_LIMITS.ratioFrom / 2) }])).toBe(
      undefined,
    );
  });

  it('one entry declared over the per-entry cap → ZIP_TOO_LARGE', async () => {
    const data = randomBytes(ZIP_LIMITS.maxEntryBytes / ZIP_LIMITS.maxRatio + 4096);
    expect(
      await openCode([{ name: 'big.bin', data, method: 0, declaredSize: ZIP_LIMITS.maxEntryBytes + 1 }]),
    ).toBe('ZIP_TOO_LARGE');
  });

  it('entries whose declared sizes add up over the total cap → ZIP_TOO_LARGE', async () => {
    const each = ZIP_LIMITS.maxEntryBytes;
    const count = Math.floor(ZIP_LIMITS.maxTotalBytes / each) + 1;
    const data = randomBytes(each / ZIP_LIMITS.maxRatio + 4096);
    const entries = Array.from({ length: count }, (_, i) => ({
      name: `part${i}.bin`,
      data,
      method: 0 as const,
      declaredSize: each,
    }));
    expect(await openCode(entries)).toBe('ZIP_TOO_LARGE');
    expect(await openCode(entries.slice(0, count - 2))).toBe(undefined);
  });

  it('an entry that inflates to more than it declares is cut at the declared size → ZIP_MALFORMED', async () => {
    const p = container([{ name: 'doc.txt', data: Buffer.alloc(100_000, 0x41), declaredSize: 1000 }]);
    const z = await ZipReader.open(p);
    try {
      await expect(z.read(z.find('doc.txt')!)).rejects.toMatchObject({ code: 'ZIP_MALFORMED' });
    } finally {
      await z.close();
    }
  });
});
