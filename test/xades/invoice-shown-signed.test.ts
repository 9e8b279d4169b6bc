/**
 * The invoice summary is taken from the document only when a signature that verified (every reference and the
 * SignatureValue) covers it: a genuine signature over the body alone, plus a junk ds:Signature with a Reference
 * URI="" (or a failing copy of a signature over the whole document), must not show the unsigned header.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { invoiceXml, xadesTemplate } from './support/fatturapa-sample';
import { xmlsecSign } from './support/xmlsec';

const fx = inject('fixture');
const DIGEST =
  '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue>';
let dir = '';
let trust: TrustStore;
let bodyOnly = '';

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-shown-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  const refs = `<ds:Reference URI="#body">${DIGEST}</ds:Reference>\n`;
  const xml = invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem, new Date(), refs)).replace(
    '<FatturaElettronicaBody>',
    '<FatturaElettronicaBody Id="body">',
  );
  writeFileSync(join(dir, 'body.template.xml'), xml);
  xmlsecSign(join(dir, 'body.template.xml'), join(dir, 'body.xml'), fx.pki.signature);
  bodyOnly = readFileSync(join(dir, 'body.xml'), 'utf8');
});

async function verify(name: string, text: string) {
  const p = join(dir, name);
  writeFileSync(p, text);
  const r = await verifyFile(p, { trust });
  expect(r.error).toBeNull();
  return r;
}

/** the unsigned header changed (seller's name) and `extra` added before the end of the invoice */
function forged(extra: string): string {
  const out = bodyOnly
    .replace('Rossi &amp; Figli S.r.l.', 'Truffatori S.p.A.')
    .replace('</p:FatturaElettronica>', `${extra}</p:FatturaElettronica>`);
  expect(out).toContain('Truffatori');
  return out;
}

describe('invoice data only from verified signatures', () => {
  it('baseline: the body-only signature is valid and shows no invoice data', async () => {
    const r = await verify('body.xml', bodyOnly);
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.fatturapa).toBeUndefined();
  });

  it('a junk ds:Signature with a Reference URI="" does not make the header shown', async () => {
    const junk = '<ds:Signature><ds:SignedInfo><ds:Reference URI=""/></ds:SignedInfo></ds:Signature>';
    const r = await verify('junk.xml', forged(junk));
    expect(r.signatures).toHaveLength(2);
    expect(r.fatturapa).toBeUndefined();
  });

  it('a failing signature over the whole document does not make the header shown', async () => {
    // a signature over URI="" (enveloped) made for another invoice: its digest fails on this one
    const template = join(dir, 'whole.template.xml');
    writeFileSync(
      template,
      invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem).replaceAll('xmldsig-1', 'other-1')),
    );
    xmlsecSign(template, join(dir, 'whole.xml'), fx.pki.signature);
    const whole = readFileSync(join(dir, 'whole.xml'), 'utf8');
    const copy = /<ds:Signature Id="other-1">[\s\S]*<\/ds:Signature>/.exec(whole)![0];
    const r = await verify('copy.xml', forged(copy));
    expect(r.signatures).toHaveLength(2);
    expect(r.signatures[1]?.integrity).toBe('invalid');
    expect(r.fatturapa).toBeUndefined();
  });
});
