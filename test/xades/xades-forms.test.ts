/**
 * The other XMLDSig shapes, made by xmlsec1 and verified by Sigillo: exclusive C14N, an XPath filter instead of
 * the enveloped transform, an enveloping signature (ds:Object), a detached signature with the file beside it
 * (missing file → SIGNED_DATA_NOT_FOUND; references leaving the folder are not followed).
 */
import { mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { fileReferences, invoiceXml, xadesTemplate } from './support/fatturapa-sample';
import { xmlsecSign, xmlsecVerify } from './support/xmlsec';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const DIGEST =
  '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue>';

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-forms-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

function signTemplate(name: string, xml: string): string {
  const template = join(dir, `${name}.template.xml`);
  writeFileSync(template, xml);
  const out = join(dir, name);
  xmlsecSign(template, out, fx.pki.signature, dir);
  expect(xmlsecVerify(out, fx.pki, dir).ok).toBe(true);
  return out;
}

async function integrity(file: string): Promise<string | undefined> {
  const r = await verifyFile(file, { trust });
  expect(r.error).toBeNull();
  return r.signatures[0]?.integrity;
}

describe('XMLDSig shapes', () => {
  it('exclusive C14N for SignedInfo and the document', async () => {
    const ref = `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="${EXC}"/></ds:Transforms>${DIGEST}</ds:Reference>\n`;
    const sig = xadesTemplate(fx.pki.signature.certPem, new Date(), ref).replace(C14N, EXC);
    expect(await integrity(signTemplate('exc.xml', invoiceXml(undefined, sig)))).toBe('valid');
  });

  it('XPath filter not(ancestor-or-self::ds:Signature) instead of the enveloped transform', async () => {
    const ref = `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>not(ancestor-or-self::ds:Signature)</ds:XPath></ds:Transform></ds:Transforms>${DIGEST}</ds:Reference>\n`;
    const file = signTemplate(
      'xpath.xml',
      invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem, new Date(), ref)),
    );
    expect(await integrity(file)).toBe('valid');
  });

  it('enveloping: the signature is the root and signs its ds:Object', async () => {
    const ref = `<ds:Reference URI="#payload">${DIGEST}</ds:Reference>\n`;
    const sig = xadesTemplate(fx.pki.signature.certPem, new Date(), ref).replace(
      '<ds:Object>',
      '<ds:Object Id="payload"><Nota xmlns="urn:test">Verbale di consegna</Nota></ds:Object><ds:Object>',
    );
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${sig.replace('<ds:Signature ', '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ')}`;
    const file = signTemplate('enveloping.xml', xml);
    expect(await integrity(file)).toBe('valid');
  });

  it('detached: the referenced file is read beside the signature; missing → SIGNED_DATA_NOT_FOUND', async () => {
    writeFileSync(join(dir, 'contratto.txt'), 'Contratto\n');
    const sig = xadesTemplate(fx.pki.signature.certPem, new Date(), fileReferences(['contratto.txt']));
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${sig.replace('<ds:Signature ', '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ')}`;
    const file = signTemplate('detached.xml', xml);
    expect(await integrity(file)).toBe('valid');
    writeFileSync(join(dir, 'contratto.txt'), 'Contratto modificato\n');
    expect((await verifyFile(file, { trust })).signatures[0]?.subIndication).toBe('HASH_FAILURE');
    unlinkSync(join(dir, 'contratto.txt'));
    const r = await verifyFile(file, { trust });
    expect(r.signatures[0]?.indication).toBe('INDETERMINATE');
    expect(r.signatures[0]?.subIndication).toBe('SIGNED_DATA_NOT_FOUND');
  });

  it('a detached reference leaving the folder (../, absolute, URL) is not followed', async () => {
    writeFileSync(join(fx.root, 'outside.txt'), 'Contratto\n');
    writeFileSync(join(dir, 'contratto.txt'), 'Contratto\n');
    const sig = xadesTemplate(fx.pki.signature.certPem, new Date(), fileReferences(['contratto.txt']));
    const signed = readFileSync(
      signTemplate(
        'detached2.xml',
        `<?xml version="1.0"?>\n${sig.replace('<ds:Signature ', '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ')}`,
      ),
      'utf8',
    );
    for (const uri of ['../outside.txt', `${fx.root}/outside.txt`, `file://${fx.root}/outside.txt`]) {
      const p = join(dir, 'escape.xml');
      writeFileSync(p, signed.replace('URI="contratto.txt"', `URI="${uri}"`));
      const r = await verifyFile(p, { trust });
      expect(r.signatures[0]?.subIndication, uri).toBe('SIGNED_DATA_NOT_FOUND');
    }
  });
});
