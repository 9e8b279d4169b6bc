/**
 * A file read whole (issue 22: a batch's p7m are one chunk each) is parsed from the buffered bytes without
 * awaiting — headers, definite containers, captured certificates and signers, content pieces. What is read and
 * every refusal (code, offset, message) must be the ones of the same bytes handed one or a few bytes at a time,
 * which wait for each byte: on a DER and a BER p7m, cut at many places, and with bytes flipped along the file.
 */
import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { SigilloError } from '../../electron/core/errors';
import { opensslSign } from './reader-helpers';

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let off = 0; off < bytes.length; off += size) yield bytes.slice(off, off + size);
}

async function outcome(bytes: Uint8Array, size: number): Promise<string> {
  const pieces: string[] = [];
  try {
    const s = await readSignedData(inChunks(bytes, size), {
      digests: ['sha256'],
      onContent: (c) => void pieces.push(Buffer.from(c).toString('hex')),
    });
    const hex = (b?: Uint8Array) => Buffer.from(b ?? []).toString('hex');
    return JSON.stringify({
      encoding: s.encoding,
      ber: s.ber,
      version: s.version,
      digestAlgorithms: s.digestAlgorithms.map(hex),
      eContentType: s.eContentType,
      detached: s.detached,
      length: s.contentLength,
      content: pieces.join(''),
      sha256: hex(s.contentDigests.sha256),
      certs: s.certificates.map(hex),
      crls: s.crls.map(hex),
      signers: s.signerInfos.map(hex),
    });
  } catch (e) {
    if (!(e instanceof SigilloError)) throw e;
    return `${e.code} ${e.message} ${JSON.stringify(e.details)}`;
  }
}

describe('a SignedData read whole gives what reading it byte by byte gives', () => {
  const fx = inject('fixture');
  const dir = mkdtempSync(join(fx.root, 'whole-reads-'));
  const contentPath = join(dir, 'fattura.xml');
  writeFileSync(contentPath, `<?xml version="1.0"?><a>${'<b>riga</b>'.repeat(300)}</a>`);
  const der = readFileSync(
    opensslSign(fx.pki, contentPath, join(dir, 'der.p7m'), ['-nodetach', '-outform', 'DER']),
  );
  const ber = readFileSync(
    opensslSign(fx.pki, contentPath, join(dir, 'ber.p7m'), ['-nodetach', '-stream', '-outform', 'DER']),
  );

  for (const [name, file] of [
    ['DER', der],
    ['BER', ber],
  ] as const) {
    it(`${name}: whole, cut and flipped`, async () => {
      const whole = await outcome(file, file.length);
      expect(whole).toContain('"detached":false');
      for (const size of [1, 7]) expect(await outcome(file, size)).toBe(whole);
      const seen = new Set<string>();
      for (let at = 0; at < file.length; at += 41) {
        const cut = file.subarray(0, at);
        const flipped = Buffer.from(file);
        flipped[at] = (flipped[at] as number) ^ (at % 2 ? 0xff : 0x80);
        for (const bad of [cut, flipped]) {
          const once = await outcome(bad, bad.length);
          seen.add(once.split(' ')[0] as string);
          expect(await outcome(bad, 1), `at ${at}`).toBe(once);
          expect(await outcome(bad, 5), `at ${at}`).toBe(once);
        }
      }
      // the damages reach several refusals (and reads that still succeed)
      expect(seen.size).toBeGreaterThan(3);
    });
  }
});
