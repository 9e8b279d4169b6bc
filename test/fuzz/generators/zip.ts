/** ZIP/ASiC hostile inputs: bombs (ratio, declared-size lies, overlapping records), path tricks, symlinks, counts. */
import { deflateRawSync } from 'node:zlib';
import { ASIC_E_MIMETYPE, rawZip, type RawEntry } from '../../support/raw-zip';
import { between, bytesCase, type Generator, type HostileCase } from './types';

const SIG: RawEntry = { name: 'META-INF/signature.p7s', data: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]) };

const zipCase = (name: string, entries: () => RawEntry[] | Buffer): HostileCase =>
  bytesCase(`zip/${name}`, `${name}.asice`, () => {
    const e = entries();
    return Buffer.isBuffer(e) ? e : rawZip([ASIC_E_MIMETYPE, ...e, SIG]);
  });

/** every central entry pointing at the same local record (a "better zip bomb", overlapping files) */
function overlapping(count: number): Buffer {
  const one = rawZip([{ name: 'a', data: Buffer.alloc(1 << 20), method: 8 }]);
  const eocdAt = one.length - 22;
  const cdAt = one.readUInt32LE(eocdAt + 16);
  const central = one.subarray(cdAt, eocdAt);
  const copies = Array.from({ length: count }, (_, i) => {
    const head = Buffer.from(central.subarray(0, 46));
    const name = Buffer.from(`a${i}`);
    head.writeUInt16LE(name.length, 28);
    return Buffer.concat([head, name]);
  });
  const cd = Buffer.concat(copies);
  const eocd = Buffer.from(one.subarray(eocdAt));
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  return Buffer.concat([one.subarray(0, cdAt), cd, eocd]);
}

export const zipGenerator: Generator = (rand) => {
  const mib = between(rand, 2, 64);
  const files = between(rand, 1001, 5000);
  return [
    zipCase('ratio-bomb', () => [{ name: 'zeros.bin', data: Buffer.alloc(mib << 20) }]),
    zipCase('declared-size-lie', () => [
      { name: 'doc.txt', data: Buffer.alloc(mib << 20, 0x41), declaredSize: between(rand, 1, 1000) },
    ]),
    zipCase('overlapping-records', () => overlapping(between(rand, 50, 900))),
    zipCase('many-entries', () =>
      Array.from({ length: files }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })),
    ),
    zipCase('nested-zip', () => [
      { name: 'inner.zip', data: rawZip([{ name: 'zeros', data: Buffer.alloc(mib << 20) }]) },
    ]),
    ...['../evil', '/abs/evil', 'a\\..\\evil', 'C:evil', 'a/./b', 'CON', 'dir/'].map((n, i) =>
      zipCase(`path-${i}`, () => [{ name: n, data: Buffer.from('x') }]),
    ),
    zipCase('case-twins', () => [
      { name: 'Fattura.xml', data: Buffer.from('a') },
      { name: 'fattura.xml', data: Buffer.from('b') },
    ]),
    zipCase('symlink-entry', () => [{ name: 'link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }]),
    zipCase('local-name-lie', () => [{ name: 'doc.txt', localName: 'evil.txt', data: Buffer.from('x') }]),
    zipCase('deflate-garbage', () => {
      const z = rawZip([ASIC_E_MIMETYPE, { name: 'doc.txt', data: Buffer.alloc(4096, 1), method: 8 }, SIG]);
      const d = deflateRawSync(Buffer.alloc(4096, 1)).length;
      const at = z.indexOf('doc.txt') + 7;
      for (let i = 0; i < d; i++) z[at + i] = Math.floor(rand() * 256);
      return z;
    }),
  ];
};
