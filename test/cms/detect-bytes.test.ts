/**
 * detectBytes reads the encoding of an input already in memory (issue 22: a small file read whole) without
 * detectInput's async generators: its answer — encoding, decoded bytes — and its refusals must be detectInput's
 * on the same bytes handed as one chunk, on crafted inputs: empty, blanks under and over 64 KiB, a BOM, DER, PEM
 * with LF/CRLF, bare base64, text that is neither, base64 with a bad character further on.
 */
import { describe, expect, it } from 'vitest';
import { detectBytes, detectInput } from '../../electron/core/cms/input-detect';
import { SigilloError } from '../../electron/core/errors';

async function* one(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function drained(run: () => Promise<{ encoding: string; bytes: AsyncIterable<Uint8Array> }>) {
  try {
    const d = await run();
    const parts: Buffer[] = [];
    for await (const c of d.bytes) parts.push(Buffer.from(c));
    return `${d.encoding} ${Buffer.concat(parts).toString('hex')}`;
  } catch (e) {
    if (!(e instanceof SigilloError)) throw e;
    return `${e.code} ${e.message}`;
  }
}

const der = Buffer.concat([Buffer.from('3082010006092a864886f70d010702', 'hex'), Buffer.alloc(200, 5)]);
const b64 = der.toString('base64');
const pem = `-----BEGIN PKCS7-----\n${b64.replace(/(.{64})/g, '$1\n')}\n-----END PKCS7-----\n`;

describe('detectBytes answers as detectInput of one chunk', () => {
  const cases: [string, Buffer][] = [
    ['empty', Buffer.alloc(0)],
    ['blanks', Buffer.from(' \r\n\t  ')],
    ['blanks just under 64 KiB', Buffer.alloc(64 * 1024 - 1, 0x20)],
    ['blanks of 64 KiB', Buffer.alloc(64 * 1024, 0x0a)],
    ['BOM only', Buffer.from([0xef, 0xbb, 0xbf])],
    ['DER', der],
    ['DER after blanks and a BOM', Buffer.concat([Buffer.from([0x0a, 0xef, 0xbb, 0xbf, 0x20]), der])],
    ['DER after 64 KiB of blanks', Buffer.concat([Buffer.alloc(64 * 1024, 0x20), der])],
    ['DER after BOM bytes out of order', Buffer.concat([Buffer.from([0xbb, 0xbf, 0x0d, 0xef]), der])],
    ['0 after a NBSP', Buffer.concat([Buffer.from([0xa0]), der])],
    ['PEM', Buffer.from(pem)],
    ['PEM CRLF', Buffer.from(pem.replace(/\n/g, '\r\n'))],
    ['bare base64', Buffer.from(b64)],
    ['base64 with a bad character further on', Buffer.from(`${b64.slice(0, 100)}*${b64.slice(100)}`)],
    ['short base64', Buffer.from('MII=')],
    ['text', Buffer.from('<?xml version="1.0"?><a/>')],
    ['M then text', Buffer.from('MIME-Version: 1.0\r\n')],
    ['NUL', Buffer.from([0])],
  ];
  for (const [name, bytes] of cases) {
    it(name, async () => {
      const want = await drained(() => detectInput(one(bytes)));
      expect(await drained(async () => detectBytes(bytes))).toBe(want);
    });
  }
});
