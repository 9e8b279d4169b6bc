/**
 * Signature wrapping (XSW) and the reference rules of the EU DSS validator, on signatures made here by xmlsec1 and
 * then altered: an Object- or Manifest-typed reference whose element was moved out of this signature's own
 * ds:Object (same Id, same bytes) is "signed data not found"; manifest entries need not resolve (they are reported); a plain XMLDSig
 * signature with only a KeyValue (default namespace) keeps its integrity but names no signer; an enveloped
 * signature over one element is valid for that element and the invoice data are not shown; XPath Filter 2.0 by
 * name() and the base64 transform are applied; processing instructions in signed content are refused.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { invoiceXml, xadesTemplate } from './support/fatturapa-sample';
import { xmlsecSign, xmlsecVerify } from './support/xmlsec';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const SHA256 = '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>';
const DIGEST = `${SHA256}<ds:DigestValue></ds:DigestValue>`;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-xsw-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** An enveloping XAdES signature (the ds:Signature is the root) with `dataRefs` and extra `objects`, signed by xmlsec1. */
function enveloping(name: string, dataRefs: string, objects: string): string {
  const sig = xadesTemplate(fx.pki.signature.certPem, new Date(), dataRefs)
    .replace('<ds:Signature Id=', `<ds:Signature xmlns:ds="${DS}" Id=`)
    .replace('</ds:Signature>', `${objects}</ds:Signature>`);
  const out = join(dir, name);
  xmlsecSign(
    write(`${name}.template.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n${sig}`),
    out,
    fx.pki.signature,
    dir,
  );
  return readFileSync(out, 'utf8');
}

/** An enveloping signature over one ds:Object Id="obj" (reference typed Object) holding `text`. */
function oneObject(name: string, text: string): string {
  return enveloping(
    name,
    `<ds:Reference Type="${DS}Object" URI="#obj">${DIGEST}</ds:Reference>\n`,
    `<ds:Object Id="obj">${text}</ds:Object>`,
  );
}

async function only(path: string) {
  const r = await verifyFile(path, { trust });
  expect(r.error).toBeNull();
  expect(r.signatures).toHaveLength(1);
  return { report: r, s: r.signatures[0]! };
}

describe('typed references must point inside the signature (DSS XSW protection)', () => {
  it('an Object reference: valid in place; the same object moved into a wrapper object is not found', async () => {
    const text = oneObject('object.xml', 'Pago 100 euro');
    const good = write('object-ok.xml', text);
    expect(xmlsecVerify(good, fx.pki).ok).toBe(true);
    expect((await only(good)).s.integrity).toBe('valid');

    const moved = text.replace(
      '<ds:Object Id="obj">Pago 100 euro</ds:Object>',
      '<ds:Object Id="decoy">Pago 9999 euro</ds:Object><ds:Object><w><ds:Object Id="obj">Pago 100 euro</ds:Object></w></ds:Object>',
    );
    const { s } = await only(write('object-wrapped.xml', moved));
    expect(s.integrity).toBe('invalid');
    expect(s.subIndication).toBe('SIGNED_DATA_NOT_FOUND');
    expect(s.messages.join(' ')).toMatch(/wrapping/);
  });

  it('a Manifest reference: valid with entries that do not resolve; a wrapped manifest is not found', async () => {
    const content = Buffer.from('contenuto del manifest\n');
    writeFileSync(join(dir, 'data.txt'), content);
    const digest = createHash('sha256').update(content).digest('base64');
    const manifest = `<ds:Manifest Id="man"><ds:Reference URI="data.txt">${SHA256}<ds:DigestValue>${digest}</ds:DigestValue></ds:Reference></ds:Manifest>`;
    const text = enveloping(
      'manifest.xml',
      `<ds:Reference Type="${DS}Manifest" URI="#man">${DIGEST}</ds:Reference>\n`,
      `<ds:Object>${manifest}</ds:Object>`,
    );
    const good = write('manifest-ok.xml', text);
    const present = (await only(good)).s;
    expect(present.integrity).toBe('valid');
    expect(present.messages.join(' ')).toMatch(/data\.txt.*(corrisponde|matches)/);
    rmSync(join(dir, 'data.txt'));
    const absent = (await only(good)).s;
    expect(absent.integrity).toBe('valid');
    expect(absent.messages.join(' ')).toMatch(/data\.txt.*(non confermata|not confirmed)/);

    const wrapped = text.replace(
      `<ds:Object>${manifest}</ds:Object>`,
      `<ds:Object><ds:Manifest Id="evil"/></ds:Object><ds:Object><w><ds:Object>${manifest}</ds:Object></w></ds:Object>`,
    );
    expect(wrapped).not.toBe(text);
    const { s } = await only(write('manifest-wrapped.xml', wrapped));
    expect(s.integrity).toBe('invalid');
    expect(s.subIndication).toBe('SIGNED_DATA_NOT_FOUND');
  });

  it('a duplicated Id of a referenced object makes the reference fail', async () => {
    const text = oneObject('dup.xml', 'uno');
    const dup = text.replace('</ds:Signature>', '<ds:Object Id="obj">due</ds:Object></ds:Signature>');
    const { s } = await only(write('dup-obj.xml', dup));
    expect(s.integrity).toBe('invalid');
    expect(s.messages.join(' ')).toMatch(/obj/);
  });
});

describe('plain XMLDSig and partial coverage', () => {
  it('XMLDSig in the default namespace with only a KeyValue: integrity valid, form XMLDSig, no signer', async () => {
    const template = `<?xml version="1.0" encoding="UTF-8"?>
<Signature xmlns="${DS}">
<SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
<Reference URI="#o"><DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue></DigestValue></Reference>
</SignedInfo><SignatureValue></SignatureValue><KeyInfo><KeyValue/></KeyInfo>
<Object Id="o">testo firmato</Object></Signature>
`;
    const out = join(dir, 'plain.xml');
    xmlsecSign(write('plain.template.xml', template), out, fx.pki.signature, dir);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('<Modulus>');
    const { s } = await only(out);
    expect(s.integrity).toBe('valid');
    expect(s.cadesForm).toBe('XMLDSig');
    expect(s.indication).not.toBe('TOTAL_PASSED');
    const { s: bad } = await only(write('plain-bad.xml', text.replace('testo firmato', 'testo cambiato')));
    expect(bad.integrity).toBe('invalid');
  });

  it('an enveloped signature over the invoice body only: valid, says so, shows no invoice data', async () => {
    const refs = `<ds:Reference URI="#body">${DIGEST}</ds:Reference>\n`;
    const xml = invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem, new Date(), refs)).replace(
      '<FatturaElettronicaBody>',
      '<FatturaElettronicaBody Id="body">',
    );
    const out = join(dir, 'body-only.xml');
    xmlsecSign(write('body-only.template.xml', xml), out, fx.pki.signature);
    const { report, s } = await only(out);
    expect(s.integrity).toBe('valid');
    expect(s.messages.join(' ')).toMatch(/#body/);
    expect(report.fatturapa).toBeUndefined();
  });
});

describe('transforms', () => {
  it('XPath Filter 2.0 subtracting *[name()="ds:Signature"] is applied; a change is caught', async () => {
    const refs = `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2002/06/xmldsig-filter2"><dsig-xpath:XPath xmlns:dsig-xpath="http://www.w3.org/2002/06/xmldsig-filter2" Filter="subtract">/descendant::*[name()='ds:Signature']</dsig-xpath:XPath></ds:Transform></ds:Transforms>${DIGEST}</ds:Reference>\n`;
    const out = join(dir, 'filter2.xml');
    xmlsecSign(
      write(
        'filter2.template.xml',
        invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem, new Date(), refs)),
      ),
      out,
      fx.pki.signature,
    );
    expect(xmlsecVerify(out, fx.pki).ok).toBe(true);
    expect((await only(out)).s.integrity).toBe('valid');
    const changed = readFileSync(out, 'utf8').replace('>122.00<', '>922.00<');
    expect((await only(write('filter2-bad.xml', changed))).s.integrity).toBe('invalid');
  });

  it('the base64 transform decodes the object text before the digest', async () => {
    const payload = Buffer.from('dati binari firmati').toString('base64');
    const text = enveloping(
      'b64.xml',
      `<ds:Reference URI="#b"><ds:Transforms><ds:Transform Algorithm="${DS}base64"/></ds:Transforms>${DIGEST}</ds:Reference>\n`,
      `<ds:Object Id="b">${payload}</ds:Object>`,
    );
    const good = write('b64-ok.xml', text);
    expect(xmlsecVerify(good, fx.pki).ok).toBe(true);
    expect((await only(good)).s.integrity).toBe('valid');
    const other = Buffer.from('dati binari cambiati').toString('base64');
    expect((await only(write('b64-bad.xml', text.replace(payload, other)))).s.integrity).toBe('invalid');
  });

  it('an unknown SignatureMethod is never valid', async () => {
    const text = oneObject('alg.xml', 'x');
    const odd = text.replace('xmldsig-more#rsa-sha256', 'xmldsig-more#rsa-whirlpool');
    const { s } = await only(write('alg-unknown.xml', odd));
    expect(s.integrity).toBe('invalid');
    expect(s.indication).not.toBe('TOTAL_PASSED');
  });

  it('a processing instruction in signed content or in SignedInfo makes it invalid, never an error', async () => {
    const text = oneObject('pi.xml', 'Pago 100 euro');
    // the same characters as a PI instead of text: not the signed content (xml-crypto alone renders both alike)
    const asPi = text.replace('>Pago 100 euro<', '><?x Pago 100 euro?><');
    expect(asPi).not.toBe(text);
    expect((await only(write('pi-object.xml', asPi))).s.integrity).toBe('invalid');
    const inInfo = text.replace('<ds:SignedInfo>', '<ds:SignedInfo><?x?>');
    expect((await only(write('pi-signedinfo.xml', inInfo))).s.integrity).toBe('invalid');
  });
});
