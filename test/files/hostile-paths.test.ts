/**
 * Files nobody here made: extraction never writes outside the chosen folder (a pre-existing symlink as the file,
 * as a sub-folder or as the folder is refused, never followed), a multi-file extraction is all-or-nothing, a
 * pipe or device given as an input is refused at once instead of blocking, and temporary names still fit
 * NAME_MAX for a 250-byte file name.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { extractAsic } from '../../electron/core/asic/asic-extract';
import { withAtomicOutput } from '../../electron/core/files/atomic-output';
import { NAME_MAX, TEMP_PATTERN, tempNameFor } from '../../electron/core/files/stale-temp';
import { signFile, type SignFileOptions } from '../../electron/core/sign/format-routing';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { readImage } from '../../electron/core/pdf/visible-options';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { extractAny } from '../../electron/cli/commands/extract-pdf';
import { extract as workerExtract } from '../../electron/worker/ops/verify-ops';
import { ASIC_E_MIMETYPE, rawZip } from '../support/raw-zip';
import { opensslCmsSign } from '../verify/support/openssl-cms';

const fx = inject('fixture');
const base = mkdtempSync(join(fx.root, 'hostile-paths-'));
let n = 0;
const fresh = (): string => mkdtempSync(join(base, `t${n++}-`));
const opts = { overwrite: false, force: true };
const noCtx = { signal: new AbortController().signal, progress: () => undefined, cardEvent: () => undefined };

/** an ASiC-E with `files` (name → text) and an unreadable signature (so extraction needs force) */
function asic(dir: string, files: Record<string, string>): string {
  const p = join(dir, 'contratto.asice');
  const entries = Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text) }));
  const sig = { name: 'META-INF/signature.p7s', data: Buffer.from([0x30, 0x00]) };
  writeFileSync(p, rawZip([ASIC_E_MIMETYPE, ...entries, sig]));
  return p;
}

const outsideFile = (dir: string): string => {
  const outside = join(dir, 'outside.txt');
  writeFileSync(outside, 'untouched');
  return outside;
};

describe('ASiC extraction stays inside the chosen folder', () => {
  it('extracts every file (sub-folders too) into NAME/, leaving no staging folder', async () => {
    const d = fresh();
    const r = await extractAsic(asic(d, { 'a.txt': 'A', 'sub/b.txt': 'B' }), opts);
    expect(r.error).toBeNull();
    expect(readFileSync(join(d, 'contratto', 'a.txt'), 'utf8')).toBe('A');
    expect(readFileSync(join(d, 'contratto', 'sub', 'b.txt'), 'utf8')).toBe('B');
    expect(readdirSync(join(d, 'contratto')).sort()).toEqual(['a.txt', 'sub']);
  });

  it('a pre-existing symlink as a target file is refused, even with --overwrite; nothing written', async () => {
    const d = fresh();
    const outside = outsideFile(d);
    mkdirSync(join(d, 'contratto'));
    symlinkSync(outside, join(d, 'contratto', 'b.txt'));
    for (const overwrite of [false, true]) {
      const r = await extractAsic(asic(d, { 'a.txt': 'A', 'b.txt': 'evil' }), { ...opts, overwrite });
      expect(r.error?.code).toBe('OUTPUT_IS_SYMLINK');
      expect(readFileSync(outside, 'utf8')).toBe('untouched');
      expect(existsSync(join(d, 'contratto', 'a.txt'))).toBe(false);
      expect(readdirSync(join(d, 'contratto'))).toEqual(['b.txt']);
    }
  });

  it('a symlinked sub-folder or target folder is refused: nothing lands outside', async () => {
    const d = fresh();
    const elsewhere = join(d, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(join(d, 'contratto'));
    symlinkSync(elsewhere, join(d, 'contratto', 'sub'));
    const r = await extractAsic(asic(d, { 'sub/evil.txt': 'evil' }), { ...opts, overwrite: true });
    expect(r.error?.code).toBe('OUTPUT_IS_SYMLINK');
    expect(readdirSync(elsewhere)).toEqual([]);

    const d2 = fresh();
    const elsewhere2 = join(d2, 'elsewhere');
    mkdirSync(elsewhere2);
    symlinkSync(elsewhere2, join(d2, 'contratto'));
    const r2 = await extractAsic(asic(d2, { 'evil.txt': 'evil' }), { ...opts, overwrite: true });
    expect(r2.error?.code).toBe('OUTPUT_IS_SYMLINK');
    expect(readdirSync(elsewhere2)).toEqual([]);
  });

  it('all-or-nothing: one existing file stops the whole extraction before anything is written', async () => {
    const d = fresh();
    mkdirSync(join(d, 'contratto'));
    writeFileSync(join(d, 'contratto', 'z.txt'), 'mine');
    const r = await extractAsic(asic(d, { 'a.txt': 'A', 'sub/b.txt': 'B', 'z.txt': 'Z' }), opts);
    expect(r.error?.code).toBe('OUTPUT_EXISTS');
    expect(readdirSync(join(d, 'contratto'))).toEqual(['z.txt']);
    expect(readFileSync(join(d, 'contratto', 'z.txt'), 'utf8')).toBe('mine');
    // and a fresh target folder that fails is not left behind
    const d2 = fresh();
    writeFileSync(join(d2, 'contratto'), 'a file where the folder would go');
    expect((await extractAsic(asic(d2, { 'a.txt': 'A' }), opts)).error?.code).toBe('OUTPUT_EXISTS');
  });

  it('all-or-nothing: an entry that fails to read after others were written leaves no file at all', async () => {
    const d = fresh();
    const p = join(d, 'contratto.asice');
    const bad = { name: 'b.txt', localName: 'x.txt', data: Buffer.from('B') };
    const sig = { name: 'META-INF/signature.p7s', data: Buffer.from([0x30, 0x00]) };
    writeFileSync(p, rawZip([ASIC_E_MIMETYPE, { name: 'a.txt', data: Buffer.from('A') }, bad, sig]));
    const r = await extractAsic(p, opts);
    expect(r.error?.code).toBe('ZIP_MALFORMED');
    expect(existsSync(join(d, 'contratto'))).toBe(false);
  });

  it('a staging folder left by a killed extraction is swept by the next one', async () => {
    const d = fresh();
    mkdirSync(join(d, 'contratto'));
    const stale = join(d, 'contratto', tempNameFor('extract', '7ffffffe' + 'beef' + '0000'));
    mkdirSync(stale);
    writeFileSync(join(stale, 'half.bin'), 'x');
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(stale, old, old);
    const r = await extractAsic(asic(d, { 'a.txt': 'A' }), opts);
    expect(r.error).toBeNull();
    expect(readdirSync(join(d, 'contratto'))).toEqual(['a.txt']);
  });

  it('a single-file output never goes through a symlink, even with --overwrite', async () => {
    const d = fresh();
    const outside = outsideFile(d);
    const link = join(d, 'out.p7m');
    symlinkSync(outside, link);
    await expect(
      withAtomicOutput(link, { overwrite: true }, async (fh) => {
        await fh.writeFile('evil');
      }),
    ).rejects.toMatchObject({ code: 'OUTPUT_IS_SYMLINK' });
    expect(readFileSync(outside, 'utf8')).toBe('untouched');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe('pipes and devices as inputs are refused, never read', () => {
  const d = fresh();
  const fifo = join(d, 'fattura.xml.p7m');
  execFileSync('mkfifo', [fifo]);
  const viaLink = join(d, 'link.p7m');
  symlinkSync(fifo, viaLink);
  const trust = new TrustStore([]);

  it.each([
    ['a FIFO', fifo],
    ['a symlink to a FIFO', viaLink],
    ['a character device', '/dev/zero'],
  ])('%s: verify, extract and sign say INPUT_NOT_REGULAR at once', async (_what, path) => {
    expect((await verifyFile(path, { trust })).error?.code).toBe('INPUT_NOT_REGULAR');
    expect((await extractAny(path, { overwrite: false, force: true, outDir: d })).error?.code).toBe(
      'INPUT_NOT_REGULAR',
    );
    const sign = { input: path, overwrite: false, digest: 'sha256', outputDir: d } as SignFileOptions;
    await expect(signFile('cades', sign)).rejects.toMatchObject({ code: 'INPUT_NOT_REGULAR' });
  });

  it('the card worker’s extract refuses them too (its sniffing would block the worker)', async () => {
    const r = (await workerExtract({ files: [fifo, viaLink], overwrite: false, outputDir: d }, noCtx)) as {
      results: { error: { code: string } | null }[];
    };
    expect(r.results.map((x) => x.error?.code)).toEqual(['INPUT_NOT_REGULAR', 'INPUT_NOT_REGULAR']);
  });

  it('a FIFO as a --trust file or a signature image: a clear error, never a blocked read', async () => {
    await expect(readTrustFile(fifo)).rejects.toMatchObject({ code: 'TRUST_FILE_UNREADABLE' });
    expect(() => readImage(viaLink)).toThrow(expect.objectContaining({ code: 'IMAGE_UNREADABLE' }));
  });

  it('a FIFO as the detached content of a .p7s, beside it or given as --content', async () => {
    const d2 = fresh();
    const doc = join(d2, 'doc.txt');
    writeFileSync(doc, 'x');
    const p7s = join(d2, 'doc.txt.p7s');
    opensslCmsSign({ input: doc, out: p7s, signer: fx.pki.signature, flags: [] });
    const beside = join(d2, 'beside');
    mkdirSync(beside);
    execFileSync('mkfifo', [join(beside, 'doc.txt')]);
    execFileSync('cp', [p7s, join(beside, 'doc.txt.p7s')]);
    expect((await verifyFile(join(beside, 'doc.txt.p7s'), { trust })).error?.code).toBe('INPUT_NOT_REGULAR');
    expect((await verifyFile(p7s, { trust, content: fifo })).error?.code).toBe('INPUT_NOT_REGULAR');
  });
});

describe('signing never replaces its own input', () => {
  it('XAdES keeps the name in another --out folder: a symlink to the input’s folder is the same folder', async () => {
    const d = fresh();
    const xml = join(d, 'fattura.xml');
    writeFileSync(xml, '<Fattura/>');
    const alias = `${d}-alias`;
    symlinkSync(d, alias);
    const sign = { input: xml, outputDir: alias, overwrite: true, digest: 'sha256' } as SignFileOptions;
    await expect(signFile('xades', sign)).rejects.toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    expect(readFileSync(xml, 'utf8')).toBe('<Fattura/>');
  });
});

describe('names close to NAME_MAX', () => {
  it('a temporary name fits in 255 bytes and still reads as ours, for ASCII and multi-byte names', () => {
    for (const name of ['a'.repeat(250), 'è'.repeat(125), '😀'.repeat(62) + 'ab']) {
      const temp = tempNameFor(name);
      expect(Buffer.byteLength(temp)).toBeLessThanOrEqual(NAME_MAX);
      expect(temp).toMatch(TEMP_PATTERN);
      expect(Buffer.from(temp).toString()).toBe(temp); // no lone surrogate left by the cut
    }
  });

  it('an output with a 250-byte name is written through its temporary file', async () => {
    const d = fresh();
    const target = join(d, 'x'.repeat(246) + '.p7m');
    await withAtomicOutput(target, { overwrite: false }, async (fh) => {
      await fh.writeFile('ok');
    });
    expect(readFileSync(target, 'utf8')).toBe('ok');
    expect(readdirSync(d)).toHaveLength(1);
  });
});
