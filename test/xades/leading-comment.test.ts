/**
 * An XML document may begin with a comment, with or without a declaration before it (XML 1.0 §2.8: Misc* before
 * the root). Such a file was not recognised as XML at all (NOT_CMS: "not a signed file"): it is verified.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { looksLikeXml } from '../../electron/core/xml/xml-decode';
import { plainDsig } from './support/plain-dsig';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-comment-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

describe('XML beginning with a comment', () => {
  it('a signed document whose first bytes are a comment is verified', async () => {
    const doc = plainDsig(dir, 'commented', 'dati firmati', fx.pki.signature);
    // the declaration dropped, a comment first (a comment outside the root is not part of the signed Object)
    const text = `<!-- fattura -->\n${doc.slice(doc.indexOf('?>') + 2).trimStart()}`;
    const p = join(dir, 'commented-first.xml');
    writeFileSync(p, text);
    const r = await verifyFile(p, { trust });
    expect(r.error).toBeNull();
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]!.integrity).toBe('valid');
  });

  it('looksLikeXml: a comment first (bytes and UTF-16 text), not a lone "<!"', () => {
    expect(looksLikeXml(Buffer.from('  <!-- x --><a/>'))).toBe(true);
    expect(
      looksLikeXml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<!-- x --><a/>', 'utf16le')])),
    ).toBe(true);
    expect(looksLikeXml(Buffer.from('<!x'))).toBe(false);
  });
});
