/**
 * XAdES counter-signatures (xades:CounterSignature over the ds:SignatureValue), both signatures made by xmlsec1:
 * reported under the signature they counter-sign; a counter-signature over something else fails.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
let signed = '';

const DIGEST =
  '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue>';

function counterTemplate(target: string): string {
  const ref = `<ds:Reference Type="http://uri.etsi.org/01903#CountersignedSignature" URI="#${target}">${DIGEST}</ds:Reference>\n`;
  const sig = xadesTemplate(fx.pki.ecSignature.certPem, new Date(), 'DATA-REFS')
    .split('xmldsig-1')
    .join('cs-1')
    .replace('DATA-REFS', ref)
    .replace('xmldsig-more#rsa-sha256', 'xmldsig-more#ecdsa-sha256');
  return `<xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:CounterSignature>${sig}</xades:CounterSignature></xades:UnsignedSignatureProperties></xades:UnsignedProperties>`;
}

function counterSign(name: string, target: string): string {
  const template = join(dir, `${name}.template.xml`);
  writeFileSync(
    template,
    signed.replace('</xades:SignedProperties>', `</xades:SignedProperties>${counterTemplate(target)}`),
  );
  const out = join(dir, name);
  xmlsecSign(template, out, fx.pki.ecSignature, undefined, 'cs-1');
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-counter-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  const template = join(dir, 'main.template.xml');
  const sig = xadesTemplate(fx.pki.signature.certPem).replace(
    '<ds:SignatureValue>',
    '<ds:SignatureValue Id="xmldsig-1-sigvalue">',
  );
  writeFileSync(template, invoiceXml(undefined, sig));
  xmlsecSign(template, join(dir, 'main.xml'), fx.pki.signature);
  signed = readFileSync(join(dir, 'main.xml'), 'utf8');
});

describe('XAdES counter-signature', () => {
  it('is verified and reported under the main signature (xmlsec1 agrees on both)', async () => {
    const file = counterSign('countersigned.xml', 'xmldsig-1-sigvalue');
    expect(xmlsecVerify(file, fx.pki).ok).toBe(true);
    expect(xmlsecVerify(file, fx.pki, undefined, 'cs-1').ok).toBe(true);
    const r = await verifyFile(file, { trust });
    expect(r.signatures).toHaveLength(1);
    const [main] = r.signatures;
    expect(main?.integrity).toBe('valid');
    expect(main?.counterSignatures).toHaveLength(1);
    const cs = main?.counterSignatures[0];
    expect(cs?.integrity).toBe('valid');
    expect(cs?.signatureAlgorithm).toBe('ECDSA SHA-256');
    expect(cs?.cadesForm).toBe('XAdES-BES');
  });

  it('a counter-signature that covers another element instead of the SignatureValue fails', async () => {
    const file = counterSign('wrong-target.xml', 'xmldsig-1-signedprops');
    expect(xmlsecVerify(file, fx.pki, undefined, 'cs-1').ok).toBe(true);
    const cs = (await verifyFile(file, { trust })).signatures[0]?.counterSignatures[0];
    expect(cs?.integrity).toBe('invalid');
    expect(cs?.messages.join(' ')).toMatch(/wrapping/);
  });

  it('a counter-signature taken from another document (same Ids) is not valid there; the main one stays valid', async () => {
    const source = readFileSync(counterSign('source.xml', 'xmldsig-1-sigvalue'), 'utf8');
    const start = source.indexOf('<xades:UnsignedProperties>');
    const end = source.indexOf('</xades:UnsignedProperties>') + '</xades:UnsignedProperties>'.length;
    const template = join(dir, 'other.template.xml');
    const sig = xadesTemplate(fx.pki.signature.certPem).replace(
      '<ds:SignatureValue>',
      '<ds:SignatureValue Id="xmldsig-1-sigvalue">',
    );
    writeFileSync(template, invoiceXml({ number: 'FT-2026/99', total: '50.00' }, sig));
    xmlsecSign(template, join(dir, 'other.xml'), fx.pki.signature);
    const other = readFileSync(join(dir, 'other.xml'), 'utf8');
    const injected = other.replace(
      '</xades:SignedProperties>',
      `</xades:SignedProperties>${source.slice(start, end)}`,
    );
    const file = join(dir, 'injected.xml');
    writeFileSync(file, injected);
    const [main] = (await verifyFile(file, { trust })).signatures;
    expect(main?.integrity).toBe('valid');
    expect(main?.counterSignatures).toHaveLength(1);
    expect(main?.counterSignatures[0]?.integrity).toBe('invalid');
    expect(main?.counterSignatures[0]?.indication).not.toBe('TOTAL_PASSED');
  });
});
