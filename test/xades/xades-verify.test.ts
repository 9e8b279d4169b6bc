/**
 * XAdES verification: enveloped signatures made by xmlsec1 over a FatturaPA invoice verify in Sigillo (and are
 * cross-checked with xmlsec1); a tampered element, a wrapping attack, a duplicated Id and a changed
 * SignedProperties fail; DOCTYPE / entity inputs are refused fast; the FatturaPA data reach the report.
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
let signedText = '';

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-verify-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  const template = join(dir, 'template.xml');
  writeFileSync(template, invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem)));
  signed = join(dir, 'IT01234567890_00001.xml');
  xmlsecSign(template, signed, fx.pki.signature);
  signedText = readFileSync(signed, 'utf8');
});

function variant(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('XAdES-BES enveloped made by xmlsec1', () => {
  it('verifies: integrity valid, signer, SigningTime, XAdES-BES, FatturaPA data; xmlsec1 agrees', async () => {
    expect(xmlsecVerify(signed, fx.pki).ok).toBe(true);
    const r = await verifyFile(signed, { trust });
    expect(r.error).toBeNull();
    expect(r.format).toBe('xades');
    const [s, ...rest] = r.signatures;
    expect(rest).toHaveLength(0);
    expect(s?.integrity).toBe('valid');
    expect(s?.signer.fiscalCode).toBe('RSSMRA80A01H501U');
    expect(s?.cadesForm).toBe('XAdES-BES');
    expect(s?.signatureAlgorithm).toBe('RSA SHA-256');
    expect(s?.signingTime).not.toBeNull();
    expect(s?.chain.at(-1)?.trustAnchor).toBe(true);
    // revocation not checked (no checker) → TRY_LATER, like CAdES
    expect(s?.indication).toBe('INDETERMINATE');
    expect(s?.subIndication).toBe('TRY_LATER');
    expect(r.fatturapa?.sender).toEqual({
      name: 'Rossi & Figli S.r.l.',
      vatNumber: 'IT01234567890',
      codiceFiscale: null,
    });
    expect(r.fatturapa?.customer.name).toBe('LAURA BIANCHI');
    expect(r.fatturapa?.documents).toEqual([
      { type: 'TD01', number: 'FT-2026/17', date: '2026-11-20', total: '122.00', currency: 'EUR' },
    ]);
  });

  it('detected by content: the same file without .xml extension verifies as xades', async () => {
    const p = variant('fattura-senza-estensione', signedText);
    const r = await verifyFile(p, { trust });
    expect(r.format).toBe('xades');
    expect(r.signatures[0]?.integrity).toBe('valid');
  });

  it('unknown signer without trust: integrity valid, NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const r = await verifyFile(signed, { trust: new TrustStore([]) });
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.signatures[0]?.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('CA certificates in xades:CertificateValues complete the chain to a trusted root', async () => {
    const rootOnly = new TrustStore(await readTrustFile(fx.pki.rootPem));
    expect((await verifyFile(signed, { trust: rootOnly })).signatures[0]?.subIndication).toBe(
      'NO_CERTIFICATE_CHAIN_FOUND',
    );
    const ca = readFileSync(fx.pki.ca.certDer).toString('base64');
    const lt = variant(
      'with-cert-values.xml',
      signedText.replace(
        '</xades:SignedProperties>',
        `</xades:SignedProperties><xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:CertificateValues><xades:EncapsulatedX509Certificate>${ca}</xades:EncapsulatedX509Certificate></xades:CertificateValues></xades:UnsignedSignatureProperties></xades:UnsignedProperties>`,
      ),
    );
    const s = (await verifyFile(lt, { trust: rootOnly })).signatures[0];
    expect(s?.integrity).toBe('valid');
    expect(s?.chain).toHaveLength(3);
    expect(s?.subIndication).toBe('TRY_LATER');
  });

  it('a changed total fails with HASH_FAILURE (xmlsec1 agrees)', async () => {
    const p = variant('tampered.xml', signedText.replace('>122.00<', '>922.00<'));
    expect(xmlsecVerify(p, fx.pki).ok).toBe(false);
    const r = await verifyFile(p, { trust });
    expect(r.signatures[0]?.integrity).toBe('invalid');
    expect(r.signatures[0]?.indication).toBe('TOTAL_FAILED');
    expect(r.signatures[0]?.subIndication).toBe('HASH_FAILURE');
    // the changed data are not shown: no verified signature covers them
    expect(r.fatturapa).toBeUndefined();
  });

  it('a changed SigningTime (signed property) fails', async () => {
    const p = variant('time.xml', signedText.replace(/<xades:SigningTime>\d{4}/, '<xades:SigningTime>1999'));
    const r = await verifyFile(p, { trust });
    expect(r.signatures[0]?.subIndication).toBe('HASH_FAILURE');
  });

  it('a changed SignatureValue fails with SIG_CRYPTO_FAILURE', async () => {
    const p = variant('value.xml', signedText.replace('<ds:SignatureValue>', '<ds:SignatureValue>AAAA'));
    const r = await verifyFile(p, { trust });
    expect(r.signatures[0]?.integrity).toBe('invalid');
    expect(r.signatures[0]?.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('wrapping: the signed invoice moved under a new root with a forged invoice fails', async () => {
    const body = signedText.slice(signedText.indexOf('<p:FatturaElettronica'));
    const forged = invoiceXml({ number: 'FORGED-1', total: '99999.00' }).replace(
      '</p:FatturaElettronica>\n',
      `<Wrapper>${body}</Wrapper></p:FatturaElettronica>\n`,
    );
    const p = variant('wrapped.xml', forged);
    const r = await verifyFile(p, { trust });
    expect(r.error).toBeNull();
    expect(r.signatures.every((s) => s.integrity === 'invalid')).toBe(true);
    expect(r.signatures[0]?.indication).not.toBe('TOTAL_PASSED');
  });

  it('wrapping: a second element with the SignedProperties Id makes the reference ambiguous', async () => {
    const dup = signedText.replace(
      '<FatturaElettronicaHeader>',
      '<FatturaElettronicaHeader><X Id="xmldsig-1-signedprops"/>',
    );
    const r = await verifyFile(variant('dup-id.xml', dup), { trust });
    expect(r.signatures[0]?.integrity).toBe('invalid');
    expect(r.signatures[0]?.messages.join(' ')).toMatch(/xmldsig-1-signedprops/);
  });

  it('an unsigned XML file is a per-file error XML_NOT_SIGNED', async () => {
    const r = await verifyFile(variant('plain.xml', invoiceXml()), { trust });
    expect(r.error?.code).toBe('XML_NOT_SIGNED');
    expect(r.fatturapa).toBeUndefined();
  });
});

describe('XML attacks and broken input', () => {
  it('billion laughs is refused fast with XML_DOCTYPE_FORBIDDEN', async () => {
    const lol = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('');
    const p = variant('lol.xml', `<?xml version="1.0"?><!DOCTYPE lolz [${lol}]><lolz>&lol9;</lolz>`);
    const start = Date.now();
    const r = await verifyFile(p, { trust });
    expect(r.error?.code).toBe('XML_DOCTYPE_FORBIDDEN');
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('an external entity (XXE) is refused without reading the file', async () => {
    const secret = variant('secret.txt', 'TOP-SECRET');
    const p = variant(
      'xxe.xml',
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://${secret}">]><r>&x;</r>`,
    );
    const r = await verifyFile(p, { trust });
    expect(r.error?.code).toBe('XML_DOCTYPE_FORBIDDEN');
    expect(JSON.stringify(r)).not.toContain('TOP-SECRET');
  });

  it('truncated XML is XML_MALFORMED, not a crash', async () => {
    const p = variant('trunc.xml', signedText.slice(0, signedText.length / 2));
    const r = await verifyFile(p, { trust });
    expect(r.error?.code).toBe('XML_MALFORMED');
  });
});
