import { describe, expect, inject, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { SigilloError } from '../../electron/core/errors';
import { opensslSign } from './reader-helpers';

/** the file's bytes as chunks of `size` (1: every header is read byte by byte; large: headers read at once) */
async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let off = 0; off < bytes.length; off += size) yield bytes.slice(off, off + size);
}

async function outcome(bytes: Uint8Array, size: number): Promise<string> {
  try {
    const s = await readSignedData(inChunks(bytes, size), { digests: ['sha256'] });
    const hex = (b?: Uint8Array) => Buffer.from(b ?? []).toString('hex');
    return JSON.stringify({
      ber: s.ber,
      length: s.contentLength,
      sha256: hex(s.contentDigests.sha256),
      certs: s.certificates.map(hex),
      signers: s.signerInfos.map(hex),
    });
  } catch (e) {
    if (!(e instanceof SigilloError)) throw e;
    return `${e.code} ${JSON.stringify(e.details)}`;
  }
}

describe('TLV headers read from the buffered bytes give what byte-by-byte reading gives', () => {
  const fx = inject('fixture');
  const dir = mkdtempSync(join(fx.root, 'header-split-'));
  const content = randomBytes(70_000);
  const contentPath = join(dir, 'content.bin');
  writeFileSync(contentPath, content);
  // -stream: indefinite lengths and a constructed OCTET STRING of 4 KiB fragments, a header every 4 KiB
  const ber = readFileSync(
    opensslSign(fx.pki, contentPath, join(dir, 'ber.p7m'), ['-nodetach', '-stream', '-outform', 'DER']),
  );

  it('reads a BER p7m the same whatever the chunking, and hashes its content right', async () => {
    const whole = await outcome(ber, ber.length);
    expect(JSON.parse(whole)).toMatchObject({
      ber: true,
      length: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    for (const size of [1, 2, 3, 5, 4099, 65_536]) expect(await outcome(ber, size)).toBe(whole);
  });

  it('refuses damaged headers with the same code and offset whatever the chunking', async () => {
    // a long-form length of 7 bytes, a long tag, an indefinite primitive, a truncated length: at several places
    const damages: [number, number[]][] = [
      [0, [0x30, 0x87]],
      [0, [0x1f, 0xff, 0xff, 0xff, 0xff, 0xff]],
      [2, [0x04, 0x80]],
      [ber.length - 3, [0x30, 0x84]],
    ];
    for (const [at, bytes] of damages) {
      const bad = Buffer.from(ber);
      bad.set(bytes, Math.min(at, bad.length - bytes.length));
      const whole = await outcome(bad, bad.length);
      for (const size of [1, 3, 4099]) expect(await outcome(bad, size)).toBe(whole);
    }
  });
});
