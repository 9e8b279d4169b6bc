/**
 * Hostile PDFs (issue 19): each crafted file is small, what it declares is not. Verified by the built CLI as a
 * child process, every one must answer within 10 s and 300 MB of peak RSS, exit 1 and name its own error code
 * (never INTERNAL, never an abort or a hang).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyBounded } from './support/bounded-cli';
import {
  bomb,
  filters,
  signedShell,
  stream,
  tablePdf,
  xrefStreamPdf,
  type HostileObject,
  type Row,
} from './support/hostile-pdf';

const fx = inject('fixture');
const LIMIT_MS = 10_000;
const LIMIT_MB = 300;
/** decoded size of the bombs: above the 64 MiB a stream may decode to */
const BOMB = 80 << 20;

const catalog: HostileObject[] = [
  { num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' },
  { num: 2, body: '<< /Type /Pages /Kids [] /Count 0 >>' },
];

/** objects 1…5 of signedShell with the catalog (1) moved into object stream 6 of `data` (deflated twice) */
function inObjectStream(data: Buffer, row6: (offsets: Map<number, number>) => Row): Buffer {
  const shell = signedShell('/ByteRange [0 1 2 3] /Contents <00>');
  return xrefStreamPdf(
    [...shell.slice(1), { num: 6, body: stream(`/Type /ObjStm /N 1 /First 4 ${filters(2)}`, data) }],
    {
      xrefNum: 7,
      rows: (off) => [
        [0, 0, 0],
        [2, 6, 0],
        ...[2, 3, 4, 5].map((n): Row => [1, off.get(n)!, 0]),
        row6(off),
        [1, off.get(7)!, 0],
      ],
    },
  );
}

/**
 * `k` object streams where stream i's /Length is an object stored in stream i+1: reading the catalog (in the
 * first) nests k readings deep
 */
function lengthChain(k: number): Buffer {
  const objects: HostileObject[] = [{ num: 2, body: '<< /Type /Pages /Kids [] /Count 0 >>' }];
  const data: string[] = ['1 0 << /Type /Catalog /Pages 2 0 R >>'];
  for (let i = 1; i < k; i++) data.push(`${1000 + i - 1} 0 ${String(data[i - 1]!.length).padStart(8, '0')}`);
  for (let i = 0; i < k; i++) {
    const d = data[i]!;
    const length = i === k - 1 ? String(d.length) : `${1000 + i} 0 R`;
    objects.push({
      num: 10 + i,
      body: `<< /Type /ObjStm /N 1 /First 4 /Length ${length} >>\nstream\n${d}\nendstream`,
    });
  }
  const xrefNum = 10 + k;
  return xrefStreamPdf(objects, {
    xrefNum,
    rows: (off) => {
      const rows: Row[] = Array.from({ length: 1000 + k }, (): Row => [0, 0, 0]);
      rows[1] = [2, 10, 0];
      for (const [n, o] of off) rows[n] = [1, o, 0];
      for (let i = 0; i + 1 < k; i++) rows[1000 + i] = [2, 10 + i + 1, 0];
      return rows;
    },
  });
}

interface Case {
  name: string;
  bytes: () => Buffer;
  code: string;
}

const cases: Case[] = [
  {
    name: 'flate bomb in the xref stream',
    bytes: () => xrefStreamPdf(catalog, { xrefNum: 3, dict: `/Size 4 ${filters(2)}`, data: bomb(BOMB) }),
    code: 'PDF_INFLATE_LIMIT',
  },
  {
    name: 'flate bomb in an object stream',
    bytes: () => {
      const plain = Buffer.concat([
        Buffer.from('1 0 << /Type /Catalog /Pages 2 0 R >>'),
        Buffer.alloc(BOMB, 0x20),
      ]);
      return inObjectStream(deflateSync(deflateSync(plain, { level: 9 }), { level: 9 }), (off) => [
        1,
        off.get(6)!,
        0,
      ]);
    },
    code: 'PDF_INFLATE_LIMIT',
  },
  {
    name: 'xref stream /Size of two billion',
    bytes: () => xrefStreamPdf(catalog, { xrefNum: 3, dict: '/Size 2000000000' }),
    code: 'PDF_XREF_TOO_LARGE',
  },
  {
    name: 'xref stream /Index subsection of two billion',
    bytes: () => xrefStreamPdf(catalog, { xrefNum: 3, dict: '/Size 4 /Index [0 4 10 2000000000]' }),
    code: 'PDF_XREF_TOO_LARGE',
  },
  {
    name: 'xref table subsection of two billion entries',
    bytes: () => tablePdf(catalog, '/Root 1 0 R', 'xref\n0 2000000000\n0000000000 65535 f \n'),
    code: 'PDF_XREF_TOO_LARGE',
  },
  {
    name: '/Prev pointing at its own section',
    bytes: () => tablePdf(catalog, (at) => `/Root 1 0 R /Prev ${at}`),
    code: 'PDF_XREF_LOOP',
  },
  {
    name: 'object stream stored inside itself',
    bytes: () => inObjectStream(Buffer.from('1 0 << /Type /Catalog /Pages 2 0 R >>'), () => [2, 6, 1]),
    code: 'PDF_OBJECT_LOOP',
  },
  {
    name: 'no usable xref and 650 000 object headers to rebuild it from',
    bytes: () =>
      Buffer.concat([
        Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'),
        Buffer.from('7 0 obj\n'.repeat(650_000)),
        Buffer.from('trailer << /Root 1 0 R >>\nstartxref\n5\n%%EOF\n'),
      ]),
    code: 'PDF_XREF_TOO_LARGE',
  },
  {
    name: '5 000 object streams, each /Length stored in the next',
    bytes: () => lengthChain(5000),
    code: 'PDF_OBJECT_LOOP',
  },
  {
    name: '20 MB hex /Contents',
    bytes: () => tablePdf(signedShell(`/ByteRange [0 10 20 30] /Contents <${'ab'.repeat(10 << 20)}>`)),
    code: 'PDF_CONTENTS_TOO_LARGE',
  },
  {
    name: '100 000-deep nested arrays',
    bytes: () =>
      tablePdf([
        { num: 1, body: `<< /Type /Catalog /Pages 2 0 R /X ${'['.repeat(1e5)}${']'.repeat(1e5)} >>` },
        catalog[1]!,
      ]),
    code: 'PDF_NESTING_TOO_DEEP',
  },
  {
    name: '100 000-deep nested dictionaries',
    bytes: () =>
      tablePdf([
        { num: 1, body: `<< /Type /Catalog /Pages 2 0 R ${'/X << '.repeat(1e5)}${'>> '.repeat(1e5)}>>` },
        catalog[1]!,
      ]),
    code: 'PDF_NESTING_TOO_DEEP',
  },
];

describe('hostile PDFs: bounded time and memory, their own error code', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pdf-hostile-'));
  });

  it.each(cases)('$name → $code', { timeout: 30_000 }, async (c) => {
    const f = join(dir, `${c.code}-${cases.indexOf(c)}.pdf`);
    const bytes = c.bytes();
    expect(bytes.length).toBeLessThan(24 << 20);
    writeFileSync(f, bytes);
    const r = await verifyBounded(f, LIMIT_MS * 2);
    expect(r.ms, r.stderr).toBeLessThan(LIMIT_MS);
    expect(r.rssMb, r.stderr).toBeLessThan(LIMIT_MB);
    expect(r.exitCode, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { error: { code: string } | null }[];
    expect(out[0]!.error?.code).toBe(c.code);
  });

  it.each([
    ['negative, overlapping, beyond the end', '[-5 10 99999999999 5]'],
    ['fractional and huge', '[0 1.5 1e308 4]'],
    ['a million numbers', `[${'0 '.repeat(1e6)}]`],
  ])(
    'hostile /ByteRange %s → the signature is invalid, nothing crashes',
    { timeout: 30_000 },
    async (_, br) => {
      const f = join(dir, `byterange-${br.length}.pdf`);
      writeFileSync(f, tablePdf(signedShell(`/ByteRange ${br} /Contents <3082000a>`)));
      const r = await verifyBounded(f, LIMIT_MS * 2);
      expect(r.ms, r.stderr).toBeLessThan(LIMIT_MS);
      expect(r.rssMb, r.stderr).toBeLessThan(LIMIT_MB);
      expect(r.exitCode, r.stderr).toBe(1);
      const out = JSON.parse(r.stdout) as {
        error: unknown;
        signatures: { integrity: string; byteRange: number[] }[];
      }[];
      expect(out[0]!.error).toBeNull();
      expect(out[0]!.signatures[0]!.integrity).toBe('invalid');
      expect(out[0]!.signatures[0]!.byteRange.length).toBeLessThanOrEqual(64);
    },
  );
});
