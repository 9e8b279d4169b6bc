/**
 * Inclusive canonicalisation costs (namespace declarations in scope × nodes) in xml-crypto: a document declaring
 * thousands of prefixes on its root over many elements, or many signatures each inheriting them, is refused with
 * XML_TOO_COMPLEX in bounded time; an ordinary invoice with a few dozen extra declarations still verifies
 * (canonical form unchanged: its digests were made by xmlsec1).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { invoiceXml, xadesTemplate } from './support/fatturapa-sample';
import { xmlsecSign } from './support/xmlsec';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'c14n-ns-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

/** an unsigned-in-effect ds:Signature over the whole document (URI="", inclusive C14N): only its work matters */
const JUNK_SIGNATURE =
  '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>' +
  '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>' +
  '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
  '<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>' +
  '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AA==</ds:DigestValue></ds:Reference>' +
  '</ds:SignedInfo><ds:SignatureValue>AA==</ds:SignatureValue></ds:Signature>';

function declarations(n: number): string {
  return Array.from({ length: n }, (_, i) => ` xmlns:p${i}="urn:p${i}"`).join('');
}

async function verifyTimed(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const t0 = Date.now();
  const r = await verifyFile(file, { trust });
  return { r, ms: Date.now() - t0 };
}

describe('namespace work of canonicalisation is bounded', () => {
  it('5000 declarations on the root over 20 000 elements: XML_TOO_COMPLEX within seconds', async () => {
    const text = `<a${declarations(5000)}>${'<b/>'.repeat(20_000)}${JUNK_SIGNATURE}</a>`;
    const { r, ms } = await verifyTimed('ns-wide.xml', text);
    expect(r.error?.code).toBe('XML_TOO_COMPLEX');
    expect(ms).toBeLessThan(5000);
  });

  it('3000 declarations inherited by each of 20 signatures: XML_TOO_COMPLEX (one budget per document)', async () => {
    const text = `<a${declarations(3000)}><b/>${JUNK_SIGNATURE.repeat(20)}</a>`;
    const { r, ms } = await verifyTimed('ns-many-sigs.xml', text);
    expect(r.error?.code).toBe('XML_TOO_COMPLEX');
    expect(ms).toBeLessThan(5000);
  });

  it('an invoice with 40 extra declarations and 5000 extra elements still verifies (xmlsec1 digests)', async () => {
    const template = join(dir, 'template.xml');
    const extra = `<Allegati>${'<Riga/>'.repeat(5000)}</Allegati>`;
    const text = invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem))
      .replace('versione="FPR12"', `versione="FPR12"${declarations(40)}`)
      .replace('</FatturaElettronicaBody>', `${extra}</FatturaElettronicaBody>`);
    writeFileSync(template, text);
    const signed = join(dir, 'signed.xml');
    xmlsecSign(template, signed, fx.pki.signature);
    const r = await verifyFile(signed, { trust });
    expect(r.error).toBeNull();
    expect(r.signatures[0]?.integrity).toBe('valid');
  });
});
