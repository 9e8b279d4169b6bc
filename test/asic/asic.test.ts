/**
 * ASiC-S / ASiC-E containers built here (python3 zipfile, openssl cms, xmlsec1) verify and extract; a changed
 * file, a file added after signing, a zip-slip entry and a zip bomb are caught.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { extractAsic } from '../../electron/core/asic/asic-extract';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { invoiceXml } from '../xades/support/fatturapa-sample';
import {
  asicManifest,
  cadesDetached,
  MIME_E,
  MIME_S,
  stageIn,
  writeZip,
  xadesDetached,
} from './support/build-asic';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;
const opts = { overwrite: false, force: false };

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'asic-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

const stage = (name: string, files: Record<string, string>) => stageIn(dir, name, files);

describe('ASiC-S with a CAdES detached signature', () => {
  let container = '';
  beforeAll(() => {
    const s = stage('s-cades', { 'IT01234567890_00003.xml': invoiceXml() });
    const sig = cadesDetached(
      join(s, 'IT01234567890_00003.xml'),
      join(s, 'signature.p7s'),
      fx.pki.signature,
      fx.pki,
    );
    container = writeZip(join(dir, 'fattura.asics'), MIME_S, [
      ['IT01234567890_00003.xml', join(s, 'IT01234567890_00003.xml')],
      ['META-INF/signature.p7s', sig],
    ]);
  });

  it('verifies: asic-s, CAdES over the data file, container listing, FatturaPA data', async () => {
    const r = await verifyFile(container, { trust });
    expect(r.error).toBeNull();
    expect(r.format).toBe('asic-s');
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.signatures[0]?.cadesForm).toBe('CAdES-BES');
    expect(r.signatures[0]?.signer.fiscalCode).toBe('RSSMRA80A01H501U');
    expect(r.container).toEqual({
      type: 'ASiC-S',
      mimetype: MIME_S,
      files: [{ name: 'IT01234567890_00003.xml', size: invoiceXml().length + 1, signedBy: [0] }],
      signatureFiles: ['META-INF/signature.p7s'],
    });
    expect(r.fatturapa?.sender.vatNumber).toBe('IT01234567890');
  });

  it('extracts the document into fattura/, byte-identical, never over an existing file', async () => {
    const out = join(dir, 'out-s');
    mkdirSync(out);
    const r = await extractAsic(container, { ...opts, outDir: out });
    expect(r.error).toBeNull();
    expect(r.integrity).toBe('valid');
    expect(r.output).toBe(join(out, 'fattura'));
    expect(readFileSync(join(out, 'fattura', 'IT01234567890_00003.xml'), 'utf8')).toBe(invoiceXml());
    expect(existsSync(join(out, 'fattura', 'META-INF'))).toBe(false);
    const again = await extractAsic(container, { ...opts, outDir: out });
    expect(again.error?.code).toBe('OUTPUT_EXISTS');
  });
});

describe('ASiC-E with a XAdES signature (xmlsec1) over two files', () => {
  const files = { 'contratto.txt': 'Contratto di fornitura\n', 'allegati/offerta tecnica.txt': 'Offerta\n' };
  let s = '';
  let sig = '';
  beforeAll(() => {
    s = stage('e-xades', files);
    sig = xadesDetached(s, Object.keys(files), fx.pki.signature);
  });
  const build = (name: string, extra: [string, string][] = []): string =>
    writeZip(join(dir, name), MIME_E, [
      ...Object.keys(files).map((n): [string, string] => [n, join(s, n)]),
      ...extra,
      ['META-INF/signatures.xml', sig],
    ]);

  it('verifies both references; each file signed by signature 0', async () => {
    const r = await verifyFile(build('e.asice'), { trust });
    expect(r.error).toBeNull();
    expect(r.format).toBe('asic-e');
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.signatures[0]?.cadesForm).toBe('XAdES-BES');
    expect(r.container?.files.map((f) => [f.name, f.signedBy])).toEqual([
      ['contratto.txt', [0]],
      ['allegati/offerta tecnica.txt', [0]],
    ]);
  });

  it('a file changed after signing: HASH_FAILURE; extract refuses, --force extracts and says invalid', async () => {
    const t = stage('e-xades-tampered', {
      ...files,
      'contratto.txt': 'Contratto di fornitura (modificato)\n',
    });
    const c = writeZip(join(dir, 'tampered.asice'), MIME_E, [
      ...Object.keys(files).map((n): [string, string] => [n, join(t, n)]),
      ['META-INF/signatures.xml', sig],
    ]);
    const r = await verifyFile(c, { trust });
    expect(r.signatures[0]?.integrity).toBe('invalid');
    expect(r.signatures[0]?.subIndication).toBe('HASH_FAILURE');
    const refused = await extractAsic(c, opts);
    expect(refused.error?.code).toBe('INTEGRITY_FAILED');
    expect(existsSync(join(dir, 'tampered'))).toBe(false);
    const forced = await extractAsic(c, { ...opts, force: true });
    expect(forced.integrity).toBe('invalid');
    expect(readFileSync(join(dir, 'tampered', 'allegati', 'offerta tecnica.txt'), 'utf8')).toBe('Offerta\n');
  });

  it('a file added after signing is listed as not covered', async () => {
    const extra = join(dir, 'nota.txt');
    writeFileSync(extra, 'aggiunto dopo\n');
    const r = await verifyFile(build('added.asice', [['nota.txt', extra]]), { trust });
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.container?.files.find((f) => f.name === 'nota.txt')?.signedBy).toEqual([]);
    expect(r.signatures[0]?.messages.join(' ')).toMatch(/nota\.txt/);
  });

  it('extract writes the signed files only; the added one stays in the container unless --force', async () => {
    const extra = join(dir, 'penale.txt');
    writeFileSync(extra, 'penale: 10000 EUR\n');
    const c = build('added-extract.asice', [['penale.txt', extra]]);
    const out = join(dir, 'x-signed');
    mkdirSync(out);
    const r = await extractAsic(c, { ...opts, outDir: out });
    expect(r.error).toBeNull();
    expect(r.integrity).toBe('valid');
    expect(r.skipped).toEqual(['penale.txt']);
    expect(readFileSync(join(out, 'added-extract', 'contratto.txt'), 'utf8')).toBe(files['contratto.txt']);
    expect(existsSync(join(out, 'added-extract', 'penale.txt'))).toBe(false);
    const all = join(dir, 'x-forced');
    mkdirSync(all);
    const forced = await extractAsic(c, { ...opts, outDir: all, force: true });
    expect(forced.skipped).toBeUndefined();
    expect(readFileSync(join(all, 'added-extract', 'penale.txt'), 'utf8')).toBe('penale: 10000 EUR\n');
  });
});

describe('ASiC-E with CAdES over an ASiCManifest', () => {
  it('verifies the manifest signature and the manifest digests; a changed file fails', async () => {
    const files = { 'a.txt': 'primo\n', 'b.txt': 'secondo\n' };
    const s = stage('e-cades', files);
    const manifest = asicManifest(s, 'META-INF/signature001.p7s', Object.keys(files));
    const sig = cadesDetached(manifest, join(s, 'signature001.p7s'), fx.pki.signature, fx.pki);
    const entries = (folder: string): [string, string][] => [
      ...Object.keys(files).map((n): [string, string] => [n, join(folder, n)]),
      ['META-INF/ASiCManifest.xml', manifest],
      ['META-INF/signature001.p7s', sig],
    ];
    const ok = await verifyFile(writeZip(join(dir, 'm.asice'), MIME_E, entries(s)), { trust });
    expect(ok.error).toBeNull();
    expect(ok.signatures[0]?.integrity).toBe('valid');
    expect(ok.container?.files.map((f) => f.signedBy)).toEqual([[0], [0]]);
    const t = stage('e-cades-t', { ...files, 'b.txt': 'cambiato\n' });
    const bad = await verifyFile(writeZip(join(dir, 'm-bad.asice'), MIME_E, entries(t)), { trust });
    expect(bad.signatures[0]?.integrity).toBe('invalid');
    expect(bad.signatures[0]?.subIndication).toBe('HASH_FAILURE');
    expect(bad.signatures[0]?.messages.join(' ')).toMatch(/b\.txt/);
  });
});

describe('hostile containers', () => {
  it('a zip-slip entry (../) is refused by verify and extract; nothing written outside', async () => {
    const s = stage('slip', { 'doc.txt': 'x\n' });
    const sig = cadesDetached(join(s, 'doc.txt'), join(s, 'signature.p7s'), fx.pki.signature, fx.pki);
    const c = writeZip(join(dir, 'slip', 'slip.asics'), MIME_S, [
      ['doc.txt', join(s, 'doc.txt')],
      ['../evil.txt', join(s, 'doc.txt')],
      ['META-INF/signature.p7s', sig],
    ]);
    expect((await verifyFile(c, { trust })).error?.code).toBe('ZIP_UNSAFE_PATH');
    const r = await extractAsic(c, { ...opts, force: true });
    expect(r.error?.code).toBe('ZIP_UNSAFE_PATH');
    expect(existsSync(join(dir, 'evil.txt'))).toBe(false);
  });

  it('a zip bomb (highly compressed entry) is refused', async () => {
    const zeros = join(dir, 'zeros.bin');
    writeFileSync(zeros, Buffer.alloc(20 * 1024 * 1024));
    const s = stage('bomb', { 'doc.txt': 'x\n' });
    const sig = cadesDetached(join(s, 'doc.txt'), join(s, 'signature.p7s'), fx.pki.signature, fx.pki);
    const c = writeZip(join(dir, 'bomb.asice'), MIME_E, [
      ['zeros.bin', zeros],
      ['META-INF/signature.p7s', sig],
    ]);
    expect((await verifyFile(c, { trust })).error?.code).toBe('ZIP_TOO_LARGE');
  });

  it('two entries sharing the same data (overlapping records) are refused', async () => {
    const s = stage('overlap', { 'doc.txt': 'x\n' });
    const sig = cadesDetached(join(s, 'doc.txt'), join(s, 'signature.p7s'), fx.pki.signature, fx.pki);
    const zip = readFileSync(
      writeZip(join(dir, 'overlap.asics'), MIME_S, [
        ['doc.txt', join(s, 'doc.txt')],
        ['META-INF/signature.p7s', sig],
      ]),
    );
    const eocd = zip.subarray(zip.length - 22);
    const cdSize = eocd.readUInt32LE(12);
    const cdOffset = eocd.readUInt32LE(16);
    const first = zip.subarray(cdOffset, cdOffset + 46 + zip.readUInt16LE(cdOffset + 28));
    const copy = Buffer.from(first);
    copy[copy.length - 1] = 0x66; // 'mimetype' → 'mimetypf', same local record
    const newEocd = Buffer.from(eocd);
    newEocd.writeUInt16LE(eocd.readUInt16LE(8) + 1, 8);
    newEocd.writeUInt16LE(eocd.readUInt16LE(10) + 1, 10);
    newEocd.writeUInt32LE(cdSize + copy.length, 12);
    const forged = join(dir, 'overlap-forged.asics');
    writeFileSync(forged, Buffer.concat([zip.subarray(0, cdOffset + cdSize), copy, newEocd]));
    const r = await verifyFile(forged, { trust });
    expect(r.error?.code).toBe('ZIP_MALFORMED');
    expect(r.error?.message).toMatch(/overlapping/);
  });

  it('a ZIP without signatures, and a truncated container, are clear per-file errors', async () => {
    const s = stage('plainzip', { 'doc.txt': 'x\n' });
    const plain = writeZip(join(dir, 'plain.zip'), null, [['doc.txt', join(s, 'doc.txt')]]);
    expect((await verifyFile(plain, { trust })).error?.code).toBe('ASIC_NO_SIGNATURE');
    const half = join(dir, 'half.asice');
    const full = readFileSync(plain);
    writeFileSync(half, full.subarray(0, full.length - 40));
    const r = await verifyFile(half, { trust });
    expect(r.error?.code).toMatch(/^ZIP_/);
  });
});
