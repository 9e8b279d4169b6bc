/**
 * XML 1.0 §2.11: only CR LF and lone CR become LF before parsing. U+0085 and U+2028 are line ends in XML 1.1
 * only (xmldom's default follows 1.1): read as LF, a signature over a text holding U+2028 (xmlsec1, libxml2: XML
 * 1.0) failed, and a document whose LF was replaced by U+2028 after signing verified — other bytes, same digest.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { plainDsig } from './support/plain-dsig';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-eol-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

function signed(name: string, text: string): string {
  return plainDsig(dir, name, text, fx.pki.signature);
}

async function integrity(name: string, text: string): Promise<string> {
  const p = join(dir, name);
  writeFileSync(p, text);
  const r = await verifyFile(p, { trust });
  expect(r.error).toBeNull();
  return r.signatures[0]!.integrity;
}

describe('XML line ends (XML 1.0)', () => {
  it.each([
    ['U+2028', '\u2028'],
    ['U+0085', '\u0085'],
  ])('a text holding %s verifies as signed, and with LF in its place it does not', async (label, ch) => {
    const doc = signed(`eol-${label}`, `riga uno${ch}riga due`);
    expect(await integrity(`kept-${label}.xml`, doc)).toBe('valid');
    const swapped = doc.replace(`uno${ch}riga`, 'uno\nriga');
    expect(swapped).not.toBe(doc);
    expect(await integrity(`swapped-${label}.xml`, swapped)).toBe('invalid');
  });

  it('LF replaced by U+2028 after signing: the digest no longer matches', async () => {
    const doc = signed('eol-lf', 'riga uno\nriga due');
    expect(await integrity('lf.xml', doc)).toBe('valid');
    expect(await integrity('lf-2028.xml', doc.replace('uno\nriga', 'uno\u2028riga'))).toBe('invalid');
  });

  it('CR LF and a lone CR are still read as LF (XML 1.0 §2.11)', async () => {
    const doc = signed('eol-crlf', 'riga uno\nriga due');
    expect(await integrity('crlf.xml', doc.replace('uno\nriga', 'uno\r\nriga'))).toBe('valid');
    expect(await integrity('cr.xml', doc.replace('uno\nriga', 'uno\rriga'))).toBe('valid');
  });
});
