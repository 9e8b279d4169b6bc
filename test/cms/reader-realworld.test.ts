/** The reader against real signed files from other tools (../shared/corpus/realworld, read in place). */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { messageDigestOf } from './reader-helpers';
import { expectedRows, REALWORLD as CORPUS } from '../support/realworld-corpus';

const hex = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('hex');

interface Row {
  file: string;
  content: string;
  integrity: string;
}

function rows(): Row[] {
  if (!existsSync(CORPUS)) return [];
  return expectedRows()
    .map((c) => ({ file: c.file!, content: c.content!, integrity: c.integrity! }))
    .filter((r) => /\.(p7m|p7s|p7|pkcs7)$/.test(r.file));
}

describe.skipIf(!existsSync(CORPUS))('signed-data-reader on the real-world corpus', () => {
  it.each(rows())('$file ($integrity)', async ({ file, content, integrity }) => {
    const path = join(CORPUS, file);
    if (integrity === 'error') {
      await expect(readSignedData(path)).rejects.toMatchObject({
        code: expect.stringMatching(/NOT_CMS|MALFORMED_CMS|TRUNCATED/),
      });
      return;
    }
    const s = await readSignedData(path, content !== '-' ? { detachedContent: join(CORPUS, content) } : {});
    expect(s.signerInfos.length).toBeGreaterThan(0);
    expect(s.contentLength).toBeGreaterThan(0);
    const mds = s.signerInfos.map(messageDigestOf).filter((m) => m !== undefined);
    expect(mds.length).toBeGreaterThan(0);
    const matches = mds.map((m) => hex(s.contentDigests[m.digest]) === m.value);
    if (integrity === 'valid') expect(matches.every(Boolean)).toBe(true);
    if (integrity === 'invalid') expect(matches.some((x) => !x)).toBe(true);
  });

  it('reads the base64 FatturaPA variants exactly like the binary one', async () => {
    const bin = await readSignedData(join(CORPUS, 'fenet-IT02182030391_31.xml.p7m'));
    for (const v of ['fenet-IT02182030391_31.Base64.xml.p7m', 'fenet-IT02182030391_31.Base64.CRLF.xml.p7m']) {
      const s = await readSignedData(join(CORPUS, v));
      expect(s.encoding).toBe('base64');
      expect(hex(s.contentDigests.sha256)).toBe(hex(bin.contentDigests.sha256));
      expect(s.signerInfos.map(hex)).toEqual(bin.signerInfos.map(hex));
      expect(s.certificates.map(hex)).toEqual(bin.certificates.map(hex));
    }
  });
});
