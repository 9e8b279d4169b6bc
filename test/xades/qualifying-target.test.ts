/**
 * The QualifyingProperties Target is not signed: changing it must not turn a XAdES signature into plain XMLDSig
 * and drop the SigningCertificate(V2) check (EN 319 132-1; DSS keeps it XAdES). A wrong Target is a format
 * failure, and a KeyInfo certificate for the same key but not the signed one is still reported as a mismatch.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
let signed = '';

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-target-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  const template = join(dir, 'template.xml');
  writeFileSync(template, invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem)));
  xmlsecSign(template, join(dir, 'signed.xml'), fx.pki.signature);
  signed = readFileSync(join(dir, 'signed.xml'), 'utf8');
});

async function only(name: string, text: string) {
  const p = join(dir, name);
  writeFileSync(p, text);
  const r = await verifyFile(p, { trust });
  expect(r.error).toBeNull();
  expect(r.signatures).toHaveLength(1);
  return r.signatures[0]!;
}

/** Another certificate from the same CA for the signer's own key (other subject and serial). */
function sameKeyCertificate(): Buffer {
  const csr = join(dir, 'samekey.csr');
  const ext = join(dir, 'samekey.ext');
  const pem = join(dir, 'samekey.pem');
  writeFileSync(
    ext,
    '[v3]\nbasicConstraints = critical,CA:false\nkeyUsage = critical,nonRepudiation\nauthorityKeyIdentifier = keyid:always\n',
  );
  execFileSync('openssl', [
    'req',
    '-new',
    '-key',
    fx.pki.signature.keyPem,
    '-subj',
    '/C=IT/CN=ALTRO NOME/serialNumber=TINIT-LTRNMO80A01H501X',
    '-out',
    csr,
  ]);
  execFileSync('openssl', [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    fx.pki.caPem,
    '-CAkey',
    fx.pki.ca.keyPem,
    '-set_serial',
    '0x7A7A',
    '-days',
    '30',
    '-extfile',
    ext,
    '-extensions',
    'v3',
    '-out',
    pem,
  ]);
  return Buffer.from(new X509Certificate(readFileSync(pem)).raw);
}

describe('QualifyingProperties Target', () => {
  it('baseline: the signed invoice is XAdES-BES, intact (revocation not checked here)', async () => {
    const s = await only('ok.xml', signed);
    expect(s.cadesForm).toBe('XAdES-BES');
    expect(s.integrity).toBe('valid');
    expect(s.subIndication).toBe('TRY_LATER');
  });

  it('a Target naming another signature is a format failure, still read as XAdES', async () => {
    const text = signed.replace('Target="#xmldsig-1"', 'Target="#nope"');
    expect(text).not.toBe(signed);
    const s = await only('target.xml', text);
    expect(s.cadesForm).toBe('XAdES-BES');
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
    expect(s.messages.join(' ')).toMatch(/Target/);
  });

  it('with a same-key certificate in KeyInfo, the SigningCertificateV2 mismatch is still found', async () => {
    const other = sameKeyCertificate().toString('base64');
    const swapped = signed.replace(
      /<ds:X509Certificate>[^<]+<\/ds:X509Certificate>/,
      `<ds:X509Certificate>${other}</ds:X509Certificate>`,
    );
    expect(swapped).not.toBe(signed);
    const mismatch = /SigningCertificate/;
    const plain = await only('swap.xml', swapped);
    expect(plain.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    expect(plain.messages.join(' ')).toMatch(mismatch);
    const s = await only('swap-target.xml', swapped.replace('Target="#xmldsig-1"', 'Target="#nope"'));
    expect(s.cadesForm).toBe('XAdES-BES');
    // before: plain XMLDSig, no certificate check, the same verdict as the genuine signature
    expect(s.subIndication).toBe('FORMAT_FAILURE');
    expect(s.messages.join(' ')).toMatch(mismatch);
  });
});
