/**
 * A signed ASiC-E whose ZIP is rewritten so that a streaming reader (Java's ZipInputStream, what DSS reads
 * containers with; unzip) sees other data or other files than the central directory shows: the local header
 * declaring more bytes than the central record (the added text in the gap before the next record), a local
 * record missing from the central directory, central records beyond the end record's count, bytes between the
 * directory and its end record. Each is a malformed container (APPNOTE 4.3.6, 4.4.4-4.4.9); honest containers
 * written by Python's zipfile and Info-ZIP's zip while streaming (data descriptors, bit 3) still verify intact.
 * (No revocation service here: an intact signature is INDETERMINATE; the forged containers were TOTAL_PASSED
 * with one.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { ASIC_E_MIMETYPE, rawZip, type RawEntry } from '../support/raw-zip';
import { MIME_E, stageIn, xadesDetached } from './support/build-asic';

const fx = inject('fixture');
let dir = '';
let stage = '';
let trust: TrustStore;
let sigXml: Buffer;
const DOC = 'Contratto: importo dovuto 100 EUR.\n';
const FORGED = 'ERRATA CORRIGE: importo dovuto 10000 EUR.\n';
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'zip-structure-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  stage = stageIn(dir, 'stage', { 'contratto.txt': DOC, mimetype: MIME_E });
  sigXml = readFileSync(xadesDetached(stage, ['contratto.txt'], fx.pki.signature));
});

const entries = (method: 0 | 8 = 0): RawEntry[] => [
  ASIC_E_MIMETYPE,
  { name: 'contratto.txt', data: Buffer.from(DOC), method },
  { name: 'META-INF/signatures.xml', data: sigXml },
];

/** the end record (no comment) and the central records: name, where each begins, its local offset */
function layout(zip: Buffer) {
  const eocd = zip.length - 22;
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const records: { name: string; at: number; local: number }[] = [];
  for (let p = cdOffset; p < eocd;) {
    const nameLen = zip.readUInt16LE(p + 28);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString();
    records.push({ name, at: p, local: zip.readUInt32LE(p + 42) });
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  const of = (name: string) => records.find((r) => r.name === name)!;
  return { eocd, cdOffset, records, of };
}

/** `bytes` inserted at `at` (before the central directory), every offset after it moved along */
function insert(zip: Buffer, at: number, bytes: Buffer): Buffer {
  const { eocd, cdOffset, records } = layout(zip);
  const out = Buffer.concat([zip.subarray(0, at), bytes, zip.subarray(at)]);
  const shift = (p: number) => p + bytes.length;
  for (const r of records) {
    if (r.local >= at) out.writeUInt32LE(r.local + bytes.length, shift(r.at) + 42);
  }
  out.writeUInt32LE(cdOffset + bytes.length, shift(eocd) + 16);
  return out;
}

/** a local record for a file that no central record lists */
function localRecord(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt32LE(crc32(data), 14);
  h.writeUInt32LE(data.length, 18);
  h.writeUInt32LE(data.length, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, Buffer.from(name), data]);
}

async function verify(zip: Buffer) {
  const p = join(dir, `c${n++}.asice`);
  writeFileSync(p, zip);
  return verifyFile(p, { trust });
}

async function expectPassed(zip: Buffer) {
  const r = await verify(zip);
  expect(r.error).toBeNull();
  expect(r.signatures.map((s) => s.integrity)).toEqual(['valid']);
}

async function expectMalformed(zip: Buffer, reason: RegExp) {
  const r = await verify(zip);
  expect(r.error?.code).toBe('ZIP_MALFORMED');
  expect(r.error?.message).toMatch(reason);
}

/** a container written by a streaming writer (data descriptors), checked to have them */
function streamed(command: string, args: string[]): Buffer {
  const zip = execFileSync(command, args, { cwd: stage, maxBuffer: 1 << 24 });
  const { records } = layout(zip);
  expect(records.map((r) => r.name)).toEqual(['mimetype', 'contratto.txt', 'META-INF/signatures.xml']);
  for (const r of records) expect(zip.readUInt16LE(r.at + 8) & 0x8).toBe(0x8);
  return zip;
}

const PY_STREAM = `
import sys, zipfile
with zipfile.ZipFile(sys.stdout.buffer, 'w') as z:
    z.writestr(zipfile.ZipInfo('mimetype'), open('mimetype','rb').read(), compress_type=zipfile.ZIP_STORED)
    z.write('contratto.txt', compress_type=zipfile.ZIP_DEFLATED)
    z.writestr('META-INF/signatures.xml', open('signatures-signed.xml','rb').read(), compress_type=zipfile.ZIP_DEFLATED)
`;

/** what DSS writes (java.util.zip.ZipOutputStream): mimetype stored, the rest deflated with data descriptors */
const JAVA_STREAM = `
import java.io.*; import java.nio.file.*; import java.util.zip.*;
public class Z { public static void main(String[] a) throws Exception {
  try (ZipOutputStream z = new ZipOutputStream(System.out)) {
    byte[] m = Files.readAllBytes(Path.of("mimetype")); CRC32 c = new CRC32(); c.update(m);
    ZipEntry e = new ZipEntry("mimetype"); e.setMethod(ZipEntry.STORED); e.setSize(m.length); e.setCrc(c.getValue());
    z.putNextEntry(e); z.write(m); z.closeEntry();
    for (String[] f : new String[][] {{"contratto.txt", "contratto.txt"}, {"META-INF/signatures.xml", "signatures-signed.xml"}}) {
      z.putNextEntry(new ZipEntry(f[0])); z.write(Files.readAllBytes(Path.of(f[1]))); z.closeEntry();
    }
  }
} }
`;

describe('honest containers', () => {
  it('written byte by byte, stored and deflated: intact', async () => {
    await expectPassed(rawZip(entries(0)));
    await expectPassed(rawZip(entries(8)));
  });

  it('written by Java ZipOutputStream as DSS does (deflated entries with data descriptors): intact', async () => {
    writeFileSync(join(stage, 'Z.java'), JAVA_STREAM);
    const zip = execFileSync('java', ['Z.java'], { cwd: stage, maxBuffer: 1 << 24 });
    const { records } = layout(zip);
    expect(records.map((r) => zip.readUInt16LE(r.at + 8) & 0x8)).toEqual([0, 0x8, 0x8]);
    await expectPassed(zip);
  });

  it('streamed by Python zipfile and by Info-ZIP zip (bit 3, data descriptors): intact', async () => {
    await expectPassed(streamed('python3', ['-c', PY_STREAM]));
    execFileSync('mkdir', ['-p', join(stage, 'META-INF')]);
    writeFileSync(join(stage, 'META-INF', 'signatures.xml'), sigXml);
    await expectPassed(
      streamed('sh', ['-c', 'zip -q -X -n mimetype - mimetype contratto.txt META-INF/signatures.xml | cat']),
    );
  });
});

describe('local records that disagree with the central directory', () => {
  it('the local header declares the signed text plus a forged one (in the gap before the next record)', async () => {
    const zip = rawZip(entries());
    const { of } = layout(zip);
    const local = of('contratto.txt').local;
    const forged = Buffer.from(DOC + FORGED);
    const out = insert(zip, of('META-INF/signatures.xml').local, Buffer.from(FORGED));
    out.writeUInt32LE(crc32(forged), local + 14);
    out.writeUInt32LE(forged.length, local + 18);
    out.writeUInt32LE(forged.length, local + 22);
    await expectMalformed(out, /contratto\.txt: other CRC or sizes/);
  });

  it('the local header has another CRC', async () => {
    const zip = rawZip(entries());
    const local = layout(zip).of('contratto.txt').local;
    zip.writeUInt32LE(zip.readUInt32LE(local + 14) ^ 1, local + 14);
    await expectMalformed(zip, /contratto\.txt: other CRC or sizes/);
  });

  it('the local header alone announces a data descriptor (bit 3)', async () => {
    const zip = rawZip(entries());
    const local = layout(zip).of('contratto.txt').local;
    zip.writeUInt16LE(zip.readUInt16LE(local + 6) | 0x8, local + 6);
    await expectMalformed(zip, /contratto\.txt: other flags/);
  });

  it('a data descriptor with another CRC or compressed size than the central directory', async () => {
    const zip = streamed('python3', ['-c', PY_STREAM]);
    const { of } = layout(zip);
    const c = of('contratto.txt');
    const descriptor =
      c.local +
      30 +
      zip.readUInt16LE(c.local + 26) +
      zip.readUInt16LE(c.local + 28) +
      zip.readUInt32LE(c.at + 20);
    expect(zip.readUInt32LE(descriptor)).toBe(0x08074b50);
    for (const field of [4, 8]) {
      const bad = Buffer.from(zip);
      bad.writeUInt32LE(bad.readUInt32LE(descriptor + field) ^ 1, descriptor + field);
      await expectMalformed(bad, /data descriptor of contratto\.txt/);
    }
  });

  it('bytes after the end of a deflated stream, inside the compressed size', async () => {
    const zip = rawZip(entries(8));
    const { of } = layout(zip);
    const c = of('contratto.txt');
    const out = insert(zip, of('META-INF/signatures.xml').local, Buffer.from(FORGED));
    const csize = zip.readUInt32LE(c.at + 20) + FORGED.length;
    out.writeUInt32LE(csize, c.local + 18);
    out.writeUInt32LE(csize, c.at + FORGED.length + 20);
    const r = await verify(out);
    expect(r.signatures.map((s) => s.integrity)).not.toContain('valid');
    expect(JSON.stringify(r)).toMatch(/cannot inflate contratto\.txt/);
  });
});

describe('files the central directory does not list', () => {
  it('a local record between two listed ones', async () => {
    const zip = rawZip(entries());
    const out = insert(
      zip,
      layout(zip).of('META-INF/signatures.xml').local,
      localRecord('ERRATA.txt', FORGED),
    );
    await expectMalformed(out, /unlisted bytes before entry META-INF\/signatures\.xml/);
  });

  it('a local record before the first listed one (offset 0)', async () => {
    const out = insert(rawZip(entries()), 0, localRecord('ERRATA.txt', FORGED));
    await expectMalformed(out, /unlisted bytes before entry mimetype/);
  });

  it('a central record beyond the end record count (one or both counts)', async () => {
    const zip = rawZip([...entries(), { name: 'ERRATA.txt', data: Buffer.from(FORGED) }]);
    const eocd = zip.length - 22;
    const both = Buffer.from(zip);
    both.writeUInt16LE(3, eocd + 8);
    both.writeUInt16LE(3, eocd + 10);
    await expectMalformed(both, /central directory size and entry count disagree/);
    const total = Buffer.from(zip);
    total.writeUInt16LE(3, eocd + 10);
    await expectMalformed(total, /two entry counts/);
    const disk = Buffer.from(zip);
    disk.writeUInt16LE(3, eocd + 8);
    await expectMalformed(disk, /two entry counts/);
  });

  it('bytes between the central directory and the end record', async () => {
    const zip = rawZip(entries());
    const eocd = zip.length - 22;
    const out = Buffer.concat([zip.subarray(0, eocd), Buffer.alloc(4), zip.subarray(eocd)]);
    await expectMalformed(out, /between central directory and its end record/);
  });
});
