/**
 * Signature algorithms and XAdES versions: a plain XMLDSig signature made by xmlsec1 and re-signed here over the
 * same SignedInfo (canonicalised by the verifier's own reader, checked by the xmlsec1 baseline) with RSASSA-PSS
 * (xmldsig-more sha256-rsa-MGF1) and with ECDSA on brainpoolP256r1 (a key and certificate made with openssl)
 * verifies, and fails once the signed object changes; a SHA3-256 reference digest is computed; a XAdES signature in
 * the 1.2.2 namespace with SigningCertificate v1 (digest + IssuerSerial) is read as XAdES (signing time, signer
 * matched).
 */
import { execFileSync } from 'node:child_process';
import { constants, createHash, createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { readSignedInfo } from '../../electron/core/xml/signed-info';
import { parseXml } from '../../electron/core/xml/xml-safe';
import { invoiceXml, xadesTemplate } from './support/fatturapa-sample';
import { xmlsecSign } from './support/xmlsec';

const fx = inject('fixture');
const DS = 'http://www.w3.org/2000/09/xmldsig#';
let dir = '';
let trust: TrustStore;
let plain = '';

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-alg-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  const template = `<?xml version="1.0" encoding="UTF-8"?>
<ds:Signature xmlns:ds="${DS}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#o"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo><ds:Object Id="o">dati firmati</ds:Object></ds:Signature>
`;
  writeFileSync(join(dir, 't.xml'), template);
  xmlsecSign(join(dir, 't.xml'), join(dir, 'plain.xml'), fx.pki.signature, dir);
  plain = readFileSync(join(dir, 'plain.xml'), 'utf8');
});

/** The canonical SignedInfo, as the verifier reads it (the xmlsec1 baseline below shows that reading is right). */
function signedInfoC14n(text: string): Buffer {
  const info = readSignedInfo(parseXml(text).documentElement);
  if (!info.octets) throw new Error('no SignedInfo');
  return info.octets;
}

function resign(text: string, method: string, value: (data: Buffer) => Buffer, certDer?: Buffer): string {
  let out = text.replace(/SignatureMethod Algorithm="[^"]+"/, `SignatureMethod Algorithm="${method}"`);
  if (certDer) {
    out = out.replace(
      /<ds:X509Certificate>[^<]+<\/ds:X509Certificate>/,
      `<ds:X509Certificate>${certDer.toString('base64')}</ds:X509Certificate>`,
    );
  }
  const sig = value(signedInfoC14n(out)).toString('base64');
  return out.replace(
    /<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/,
    `<ds:SignatureValue>${sig}</ds:SignatureValue>`,
  );
}

async function integrity(name: string, text: string) {
  const p = join(dir, name);
  writeFileSync(p, text);
  const r = await verifyFile(p, { trust });
  expect(r.error).toBeNull();
  return r.signatures[0];
}

describe('signature methods', () => {
  it('the xmlsec1 RSA signature verifies as plain XMLDSig (baseline for the re-signed ones)', async () => {
    const s = await integrity('plain.xml', plain);
    expect(s?.integrity).toBe('valid');
    expect(s?.cadesForm).toBe('XMLDSig');
  });

  it('RSASSA-PSS (sha256-rsa-MGF1) verifies; a changed object fails', async () => {
    const key = createPrivateKey(readFileSync(fx.pki.signature.keyPem));
    const pss = resign(plain, 'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1', (d) =>
      sign('sha256', d, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }),
    );
    const s = await integrity('pss.xml', pss);
    expect(s?.integrity).toBe('valid');
    expect(s?.signatureAlgorithm).toMatch(/PSS/);
    expect((await integrity('pss-bad.xml', pss.replace('dati firmati', 'dati cambiati')))?.integrity).toBe(
      'invalid',
    );
    // the PKCS#1 v1.5 value under the PSS method must not pass
    const mixed = plain.replace('xmldsig-more#rsa-sha256', '2007/05/xmldsig-more#sha256-rsa-MGF1');
    expect((await integrity('pss-mixed.xml', mixed.replace('2001/04/2007', '2007')))?.integrity).toBe(
      'invalid',
    );
  });

  it('ECDSA on brainpoolP256r1 verifies (r||s value); a changed object fails', async () => {
    const keyPem = join(dir, 'bp.key.pem');
    const certPem = join(dir, 'bp.pem');
    execFileSync('openssl', ['ecparam', '-name', 'brainpoolP256r1', '-genkey', '-noout', '-out', keyPem]);
    execFileSync('openssl', [
      'req',
      '-new',
      '-x509',
      '-key',
      keyPem,
      '-subj',
      '/CN=Brainpool Test',
      '-days',
      '2',
      '-out',
      certPem,
    ]);
    const der = Buffer.from(new X509Certificate(readFileSync(certPem)).raw);
    const key = createPrivateKey(readFileSync(keyPem));
    const ec = resign(
      plain,
      'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
      (d) => sign('sha256', d, { key, dsaEncoding: 'ieee-p1363' }),
      der,
    );
    const s = await integrity('bp.xml', ec);
    expect(s?.integrity).toBe('valid');
    expect(s?.signer.commonName ?? JSON.stringify(s?.certificate)).toMatch(/Brainpool Test/);
    expect((await integrity('bp-bad.xml', ec.replace('dati firmati', 'dati cambiati')))?.integrity).toBe(
      'invalid',
    );
  });
});

describe('SHA-3 reference digests', () => {
  it('xmldsig-more#sha3-256 over the object is computed; a changed object fails', async () => {
    // C14N 1.0 of <ds:Object Id="o"> in its context, written out by hand (independent of the canonicaliser)
    const canonical = `<ds:Object xmlns:ds="${DS}" Id="o">dati firmati</ds:Object>`;
    const digest = createHash('sha3-256').update(canonical).digest('base64');
    const key = createPrivateKey(readFileSync(fx.pki.signature.keyPem));
    const text = resign(
      plain
        .replace(
          /DigestMethod Algorithm="[^"]+"/,
          'DigestMethod Algorithm="http://www.w3.org/2007/05/xmldsig-more#sha3-256"',
        )
        .replace(/<ds:DigestValue>[^<]*<\/ds:DigestValue>/, `<ds:DigestValue>${digest}</ds:DigestValue>`),
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      (d) => sign('sha256', d, key),
    );
    const s = await integrity('sha3.xml', text);
    expect(s?.integrity).toBe('valid');
    expect(s?.digestAlgorithm).toBe('SHA3-256');
    expect((await integrity('sha3-bad.xml', text.replace('dati firmati', 'dati cambiati')))?.integrity).toBe(
      'invalid',
    );
  });
});

describe('XAdES 1.2.2 namespace with SigningCertificate v1', () => {
  it('is read as XAdES-BES: signing time and the signer matched by digest and IssuerSerial', async () => {
    const cert = new X509Certificate(readFileSync(fx.pki.signature.certPem));
    const sha1 = createHash('sha1').update(cert.raw).digest('base64');
    const serial = BigInt(`0x${cert.serialNumber}`).toString();
    const v122 = 'http://uri.etsi.org/01903/v1.2.2#';
    const v1 = `<xades:SigningCertificate><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="${DS}sha1"/><ds:DigestValue>${sha1}</ds:DigestValue></xades:CertDigest><xades:IssuerSerial><ds:X509IssuerName>${cert.issuer.split('\n').reverse().join(',')}</ds:X509IssuerName><ds:X509SerialNumber>${serial}</ds:X509SerialNumber></xades:IssuerSerial></xades:Cert></xades:SigningCertificate>`;
    const sig = xadesTemplate(fx.pki.signature.certPem)
      .replace('http://uri.etsi.org/01903/v1.3.2#', v122)
      .replace('http://uri.etsi.org/01903#SignedProperties', `${v122}SignedProperties`)
      .replace(/<xades:SigningCertificateV2>.*<\/xades:SigningCertificateV2>/, v1);
    expect(sig).toContain('<xades:SigningCertificate>');
    const template = join(dir, 'v122.template.xml');
    writeFileSync(template, invoiceXml(undefined, sig));
    const out = join(dir, 'v122.xml');
    xmlsecSign(template, out, fx.pki.signature);
    const s = (await verifyFile(out, { trust })).signatures[0];
    expect(s?.integrity).toBe('valid');
    expect(s?.cadesForm).toBe('XAdES-BES');
    expect(s?.signingTime).not.toBeNull();
    expect(s?.messages.join(' ')).not.toMatch(/SigningCertificate/);
    const forged = readFileSync(out, 'utf8').replace(serial, `${serial}1`);
    const bad = await integrity('v122-bad.xml', forged);
    expect(bad?.integrity).toBe('invalid');
  });
});
