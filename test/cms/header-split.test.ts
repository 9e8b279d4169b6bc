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

async function outcome(bytes: Uint8Array, size: number, partsLimit?: number): Promise<string> {
  try {
    const s = await readSignedData(inChunks(bytes, size), { digests: ['sha256'], partsLimit });
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

describe('the parts of a DER p7m read from the buffered bytes (no wait each) give what waiting for each byte gives', () => {
  const fx = inject('fixture');
  const dir = mkdtempSync(join(fx.root, 'der-split-'));
  const contentPath = join(dir, 'content.xml');
  writeFileSync(
    contentPath,
    `<?xml version="1.0"?><FatturaElettronica>${'x'.repeat(3000)}</FatturaElettronica>`,
  );
  // definite lengths everywhere, two signers (a SET of two SignerInfos) and their certificates
  const der = readFileSync(
    opensslSign(
      fx.pki,
      contentPath,
      join(dir, 'two.p7m'),
      ['-nodetach', '-outform', 'DER'],
      [fx.pki.signature, fx.pki.ecSignature],
    ),
  );
  // where the certificates [0] start: after the content; each damage below is put at or after some element's start
  const certsAt = der.indexOf(Buffer.from([0xa0, 0x82]), 40);

  it('reads it the same whatever the chunking (1 byte: no part is ever whole in the buffer)', async () => {
    const whole = await outcome(der, der.length);
    const parsed = JSON.parse(whole) as { certs: string[]; signers: string[]; ber: boolean };
    expect(parsed.ber).toBe(false);
    expect(parsed.certs.length).toBeGreaterThanOrEqual(2);
    expect(parsed.signers).toHaveLength(2);
    for (const size of [1, 2, 7, 64, 1000, 4099]) expect(await outcome(der, size)).toBe(whole);
  });

  it('refuses the same damage with the same code and offset whatever the chunking', async () => {
    const variants: Buffer[] = [];
    // cut at many places (inside headers, certificates, signer infos, the version, the digest algorithms)
    for (let cut = 1; cut < der.length; cut += Math.max(1, Math.floor(der.length / 97)))
      variants.push(der.subarray(0, cut));
    // bytes after the end: padding allowed, anything else refused; an extra element inside the outer SEQUENCE
    variants.push(Buffer.concat([der, Buffer.from('\n\n')]), Buffer.concat([der, Buffer.from([0x05, 0x00])]));
    // a certificate whose length runs past its container, and one cut short inside it
    for (const at of [certsAt + 4, certsAt + 8]) {
      const bad = Buffer.from(der);
      bad[at + 2] = 0xff;
      variants.push(bad);
    }
    // a longer outer length (extra data expected), a shorter one (element overruns), a version of 5 bytes
    const longer = Buffer.from(der);
    longer[3] = (longer[3]! + 1) & 0xff;
    const shorter = Buffer.from(der);
    shorter[3] = (shorter[3]! - 1) & 0xff;
    variants.push(longer, shorter);
    for (const bad of variants) {
      const whole = await outcome(bad, bad.length);
      for (const size of [1, 3, 64]) expect(await outcome(bad, size)).toBe(whole);
    }
  });

  it('refuses a part running past its container there, read whole or byte by byte', async () => {
    // the certificates' [0] one byte shorter than the certificates it holds
    expect(der[certsAt]).toBe(0xa0);
    const bad = Buffer.from(der);
    bad[certsAt + 3] = (bad[certsAt + 3]! - 1) & 0xff;
    for (const size of [bad.length, 1]) expect(await outcome(bad, size)).toMatch(/overruns its container/);
  });

  it('counts captured parts against the same budget at the same point', async () => {
    const whole = await outcome(der, der.length);
    const { certs, signers } = JSON.parse(whole) as { certs: string[]; signers: string[] };
    const parts = [...certs, ...signers].reduce((n, hex) => n + hex.length / 2, 0);
    // the content is streamed, not kept: enough budget for the parts reads it all
    expect(await outcome(der, 1, parts + 1000)).toBe(whole);
    // a budget below the certificates and signer infos (and the digest algorithms) is refused where it runs out
    for (const limit of [64, Math.floor(parts / 3), Math.floor(parts / 2), parts - 1]) {
      const capped = await outcome(der, der.length, limit);
      expect(capped).not.toBe(whole);
      expect(capped).toMatch(/^[A-Z_]+ /);
      for (const size of [1, 5, 333]) expect(await outcome(der, size, limit)).toBe(capped);
    }
  });
});
