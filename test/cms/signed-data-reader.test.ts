import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { SigilloError } from '../../electron/core/errors';
import { messageDigestOf, opensslSign, reformatPem } from './reader-helpers';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const hex = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('hex');

describe('signed-data-reader on openssl-made files', () => {
  const fx = inject('fixture');
  const dir = mkdtempSync(join(fx.root, 'reader-'));
  const contentPath = join(dir, 'content.bin');
  const content = randomBytes(300_000);
  writeFileSync(contentPath, content);
  const der = opensslSign(fx.pki, contentPath, join(dir, 'der.p7m'), [
    '-nodetach',
    '-outform',
    'DER',
    '-md',
    'sha384',
  ]);
  const ber = opensslSign(fx.pki, contentPath, join(dir, 'ber.p7m'), [
    '-nodetach',
    '-stream',
    '-outform',
    'DER',
  ]);
  const pem = opensslSign(fx.pki, contentPath, join(dir, 'pem.p7m'), ['-nodetach', '-outform', 'PEM']);

  async function readCollect(path: string) {
    const chunks: Uint8Array[] = [];
    const s = await readSignedData(path, {
      digests: ['sha256'],
      onContent: (c) => void chunks.push(Uint8Array.from(c)),
    });
    return { s, content: Buffer.concat(chunks) };
  }

  it('reads DER: content streamed and hashed, certificates and signer kept', async () => {
    const { s, content: got } = await readCollect(der);
    expect(s.encoding).toBe('binary');
    expect(s.ber).toBe(false);
    expect(s.detached).toBe(false);
    expect(s.version).toBe(1);
    expect(s.eContentType).toBe('1.2.840.113549.1.7.1');
    expect(s.digestAlgorithmOids).toEqual(['2.16.840.1.101.3.4.2.2']);
    expect(s.contentLength).toBe(content.length);
    expect(sha256(got)).toBe(sha256(content));
    expect(hex(s.contentDigests.sha256)).toBe(sha256(content));
    expect(hex(s.contentDigests.sha384)).toBe(createHash('sha384').update(content).digest('hex'));
    expect(s.signerInfos).toHaveLength(1);
    expect(messageDigestOf(s.signerInfos[0]!)?.value).toBe(hex(s.contentDigests.sha384));
    const signerDer = readFileSync(fx.pki.signature.certDer);
    expect(s.certificates.map(hex)).toContain(hex(signerDer));
  });

  it('reads BER with indefinite lengths and constructed OCTET STRINGs (openssl -stream)', async () => {
    expect(readFileSync(ber).subarray(0, 2).toString('hex')).toBe('3080');
    const { s, content: got } = await readCollect(ber);
    expect(s.ber).toBe(true);
    expect(s.contentLength).toBe(content.length);
    expect(sha256(got)).toBe(sha256(content));
    expect(messageDigestOf(s.signerInfos[0]!)?.value).toBe(sha256(content));
  });

  it.each([
    ['PEM armour, LF', '\n', true],
    ['PEM armour, CRLF', '\r\n', true],
    ['PEM armour, CR', '\r', true],
    ['bare base64, LF', '\n', false],
    ['bare base64, CRLF', '\r\n', false],
    ['bare base64, one line', '', false],
  ])('reads base64: %s', async (name, eol, armour) => {
    const file = reformatPem(pem, join(dir, `b64-${name.replace(/\W+/g, '_')}.p7m`), { eol, armour });
    const { s, content: got } = await readCollect(file);
    expect(s.encoding).toBe(armour ? 'pem' : 'base64');
    expect(sha256(got)).toBe(sha256(content));
    expect(messageDigestOf(s.signerInfos[0]!)?.value).toBe(sha256(content));
  });

  it('reads a detached signature, hashing the separate content file when given', async () => {
    const p7s = opensslSign(fx.pki, contentPath, join(dir, 'detached.p7s'), ['-outform', 'DER']);
    const bare = await readSignedData(p7s);
    expect(bare.detached).toBe(true);
    expect(bare.contentLength).toBe(0);
    const withContent = await readSignedData(p7s, { detachedContent: contentPath });
    expect(withContent.contentLength).toBe(content.length);
    expect(hex(withContent.contentDigests.sha256)).toBe(messageDigestOf(withContent.signerInfos[0]!)?.value);
  });

  it('reads -nocerts and several signers', async () => {
    const nocerts = opensslSign(fx.pki, contentPath, join(dir, 'nocerts.p7m'), [
      '-nodetach',
      '-nocerts',
      '-outform',
      'DER',
    ]);
    expect((await readSignedData(nocerts)).certificates).toHaveLength(0);
    const two = opensslSign(
      fx.pki,
      contentPath,
      join(dir, 'two.p7m'),
      ['-nodetach', '-outform', 'DER'],
      [fx.pki.signature, fx.pki.ecSignature],
    );
    const s = await readSignedData(two);
    expect(s.signerInfos).toHaveLength(2);
    expect(s.certificates).toHaveLength(2);
    for (const si of s.signerInfos) expect(messageDigestOf(si)?.value).toBe(sha256(content));
  });

  it('reports truncated, empty, random and non-signature files with codes', async () => {
    const full = readFileSync(der);
    const cut = join(dir, 'cut.p7m');
    writeFileSync(cut, full.subarray(0, Math.floor(full.length / 2)));
    await expect(readSignedData(cut)).rejects.toMatchObject({ code: 'TRUNCATED' });
    const cutBer = join(dir, 'cut-ber.p7m');
    writeFileSync(cutBer, readFileSync(ber).subarray(0, 200_000));
    await expect(readSignedData(cutBer)).rejects.toMatchObject({ code: 'TRUNCATED' });
    const empty = join(dir, 'empty.p7m');
    writeFileSync(empty, '');
    await expect(readSignedData(empty)).rejects.toMatchObject({ code: 'NOT_CMS' });
    const text = join(dir, 'text.p7m');
    writeFileSync(text, 'Hello, this is not a signature\n');
    await expect(readSignedData(text)).rejects.toMatchObject({ code: 'NOT_CMS' });
    const rnd = join(dir, 'random.p7m');
    writeFileSync(rnd, randomBytes(4096));
    await expect(readSignedData(rnd)).rejects.toBeInstanceOf(SigilloError);
    await expect(readSignedData(join(dir, 'missing.p7m'))).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
    await expect(readSignedData(dir)).rejects.toMatchObject({ code: 'INPUT_IS_DIRECTORY' });
  });

  it('says UNSUPPORTED_CMS for an encrypted (enveloped) file', async () => {
    const env = join(dir, 'enveloped.p7m');
    execFileSync('openssl', [
      'cms',
      '-encrypt',
      '-binary',
      '-in',
      contentPath,
      '-out',
      env,
      '-outform',
      'DER',
      fx.pki.signature.certPem,
    ]);
    await expect(readSignedData(env)).rejects.toMatchObject({ code: 'UNSUPPORTED_CMS' });
  });

  it('caps the memory used by the non-content parts', async () => {
    await expect(readSignedData(der, { partsLimit: 1000 })).rejects.toMatchObject({ code: 'CMS_TOO_LARGE' });
  });

  it('never throws anything but SigilloError on random bytes after a valid SignedData start', async () => {
    const start = Buffer.from('3080' + '06092a864886f70d010702' + 'a080' + '3080', 'hex');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (tail) => {
        async function* one() {
          yield new Uint8Array(Buffer.concat([start, tail]));
        }
        try {
          await readSignedData(one());
        } catch (e) {
          if (!(e instanceof SigilloError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but SigilloError on mutated input', async () => {
    const base = readFileSync(ber);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(base.length - 1),
        fc.integer({ min: 0, max: 255 }),
        fc.nat(base.length),
        async (pos, byte, cut) => {
          const m = Buffer.from(base.subarray(0, Math.max(cut, pos + 1)));
          m[pos] = byte;
          async function* one() {
            yield new Uint8Array(m);
          }
          try {
            await readSignedData(one());
          } catch (e) {
            if (!(e instanceof SigilloError)) throw e;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
