/**
 * XML 1.0 §2.11: only CR LF and lone CR become LF before parsing. U+0085 and U+2028 are line ends in XML 1.1
 * only (xmldom's default follows 1.1): read as LF, a signature over a text holding U+2028 (xmlsec1, libxml2: XML
 * 1.0) failed, and a document whose LF was replaced by U+2028 after signing verified — other bytes, same digest.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { xmlsecSign } from './support/xmlsec';

const fx = inject('fixture');
const DS = 'http://www.w3.org/2000/09/xmldsig#';
let dir = '';
let trust: TrustStore;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-eol-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

/** a plain XMLDSig over one ds:Object holding `text`, signed by xmlsec1 */
function signed(name: string, text: string): string {
  const template = `<?xml version="1.0" encoding="UTF-8"?>
<ds:Signature xmlns:ds="${DS}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#o"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo><ds:Object Id="o">${text}</ds:Object></ds:Signature>
`;
  writeFileSync(join(dir, `${name}.t.xml`), template);
  xmlsecSign(join(dir, `${name}.t.xml`), join(dir, `${name}.xml`), fx.pki.signature, dir);
  return readFileSync(join(dir, `${name}.xml`), 'utf8');
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
