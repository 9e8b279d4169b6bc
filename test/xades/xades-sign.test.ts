/**
 * XAdES-BES enveloped signing (the FatturaPA profile): Sigillo's signatures verify with `xmlsec1 --verify`
 * (trusted root, untrusted CA) and in Sigillo; the document bytes are kept (stylesheet PI, CRLF, Latin-1);
 * SigningCertificateV2 / SigningTime / references as required; already signed input and existing outputs refused.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { signFile } from '../../electron/core/sign/format-routing';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { signXadesFile, xadesOutputPath } from '../../electron/core/xades/sign-xades';
import { invoiceXml } from './support/fatturapa-sample';
import { xmlsecVerify } from './support/xmlsec';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;
let rsa: SoftwareSigner;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-sign-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  rsa = new SoftwareSigner({ keyPem: fx.pki.signature.keyPem, certPem: fx.pki.signature.certPem });
});

function input(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('sigillo sign --format xades (core)', () => {
  it('signs a FatturaPA invoice: xmlsec1 and Sigillo verify it, document bytes kept', async () => {
    const text = invoiceXml().replace(
      '<?xml version="1.0" encoding="UTF-8"?>\n',
      '<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="fatturaordinaria_v1.2.1.xsl"?>\n',
    );
    const src = input('IT01234567890_00002.xml', text);
    const r = await signFile('xades', {
      input: src,
      overwrite: false,
      digest: 'sha256',
      signer: rsa,
      nest: false,
    });
    expect(r.output).toBe(join(dir, 'IT01234567890_00002-signed.xml'));
    expect(readFileSync(src, 'utf8')).toBe(text);
    const out = readFileSync(r.output, 'utf8');
    const at = out.indexOf('<ds:Signature');
    expect(out.slice(0, at) + out.slice(out.indexOf('</ds:Signature>') + '</ds:Signature>'.length)).toBe(
      text,
    );

    const x = xmlsecVerify(r.output, fx.pki);
    expect(x.output).toContain('OK');
    expect(x.ok).toBe(true);

    const v = await verifyFile(r.output, { trust });
    expect(v.format).toBe('xades');
    expect(v.signatures[0]?.integrity).toBe('valid');
    expect(v.signatures[0]?.cadesForm).toBe('XAdES-BES');
    expect(v.signatures[0]?.subIndication).toBe('TRY_LATER');
    expect(v.fatturapa?.documents[0]?.number).toBe('FT-2026/17');
  });

  it('carries what the FatturaPA rules ask: URI="" + enveloped-signature, SignedProperties reference, RSA-SHA256, SigningCertificateV2', async () => {
    const src = input('rules.xml', invoiceXml());
    const { output } = await signXadesFile({ input: src, overwrite: false, digest: 'sha256', signer: rsa });
    const out = readFileSync(output, 'utf8');
    expect(out).toContain('<ds:Reference Id="Reference-');
    expect(out).toMatch(
      /URI=""><ds:Transforms><ds:Transform Algorithm="http:\/\/www.w3.org\/2000\/09\/xmldsig#enveloped-signature"\/>/,
    );
    expect(out).toContain('Type="http://uri.etsi.org/01903#SignedProperties" URI="#SignedProperties-');
    expect(out).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
    const certDigest = createHash('sha256')
      .update(new X509Certificate(readFileSync(fx.pki.signature.certPem)).raw)
      .digest('base64');
    expect(out).toContain(
      `<xades:CertDigest><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${certDigest}</ds:DigestValue>`,
    );
    expect(out).toMatch(/<xades:SigningTime>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/xades:SigningTime>/);
    expect(out).toContain('<xades:IssuerSerialV2>');
  });

  it('keeps CRLF line ends and a Latin-1 document (xmlsec1 verifies both)', async () => {
    const crlf = input('crlf.xml', invoiceXml().split('\n').join('\r\n'));
    const latin = input(
      'latin1.xml',
      Buffer.from(invoiceXml().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1'),
    );
    for (const src of [crlf, latin]) {
      const { output } = await signXadesFile({ input: src, overwrite: false, digest: 'sha256', signer: rsa });
      expect(xmlsecVerify(output, fx.pki).ok).toBe(true);
      const v = await verifyFile(output, { trust });
      expect(v.signatures[0]?.integrity).toBe('valid');
    }
    expect(readFileSync(join(dir, 'crlf-signed.xml'), 'latin1')).toContain('\r\n');
  });

  it('a default-namespace invoice without ds declared (namespaces inherited by SignedInfo) verifies with xmlsec1', async () => {
    const text = invoiceXml()
      .split('p:FatturaElettronica')
      .join('FatturaElettronica')
      .replace(' xmlns:p=', ' xmlns=')
      .replace(' xmlns:ds="http://www.w3.org/2000/09/xmldsig#"', '');
    const src = input('default-ns.xml', text);
    const { output } = await signXadesFile({ input: src, overwrite: false, digest: 'sha256', signer: rsa });
    expect(xmlsecVerify(output, fx.pki).ok).toBe(true);
    const v = await verifyFile(output, { trust });
    expect(v.signatures[0]?.integrity).toBe('valid');
    expect(v.fatturapa?.sender.vatNumber).toBe('IT01234567890');
  });

  it('EC key: ECDSA-SHA256 r||s value verifies with xmlsec1 and Sigillo', async () => {
    const ec = new SoftwareSigner({ keyPem: fx.pki.ecSignature.keyPem, certPem: fx.pki.ecSignature.certPem });
    const { output } = await signXadesFile({
      input: input('ec.xml', invoiceXml()),
      overwrite: false,
      digest: 'sha256',
      signer: ec,
    });
    expect(readFileSync(output, 'utf8')).toContain('xmldsig-more#ecdsa-sha256');
    expect(xmlsecVerify(output, fx.pki).ok).toBe(true);
    expect((await verifyFile(output, { trust })).signatures[0]?.integrity).toBe('valid');
  });

  it('refuses an already signed XML, never overwrites, --out elsewhere keeps the name', async () => {
    const src = input('twice.xml', invoiceXml());
    const { output } = await signXadesFile({ input: src, overwrite: false, digest: 'sha256', signer: rsa });
    await expect(
      signXadesFile({ input: output, overwrite: false, digest: 'sha256', signer: rsa }),
    ).rejects.toMatchObject({ code: 'XML_ALREADY_SIGNED' });
    await expect(
      signXadesFile({ input: src, overwrite: false, digest: 'sha256', signer: rsa }),
    ).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    const other = join(dir, 'sdi');
    mkdirSync(other);
    expect(xadesOutputPath(src, other)).toBe(join(other, 'twice.xml'));
    expect(xadesOutputPath(join(dir, 'noext'))).toBe(join(dir, 'noext-signed.xml'));
    const bad = input('bad.xml', '<a><b></a>');
    await expect(
      signXadesFile({ input: bad, overwrite: false, digest: 'sha256', signer: rsa }),
    ).rejects.toMatchObject({
      code: 'XML_MALFORMED',
    });
    expect(existsSync(join(dir, 'bad-signed.xml'))).toBe(false);
  });
});
