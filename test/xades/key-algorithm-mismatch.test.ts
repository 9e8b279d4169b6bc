/**
 * The key must be of the type the SignatureMethod names (DSS: SIG_CRYPTO_FAILURE, as the CMS path here): an
 * "ecdsa-sha256" method over an RSA PKCS#1 v1.5 value made with an RSA key, or an RSA-PSS method over an ECDSA (DER)
 * value made with an EC key, must not verify — node's verify follows the key, not the method.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { readSignedInfo } from '../../electron/core/xml/signed-info';
import { parseXml } from '../../electron/core/xml/xml-safe';
import type { IssuedCert } from '../support/pki';
import { xmlsecSign } from './support/xmlsec';

const fx = inject('fixture');
const DS = 'http://www.w3.org/2000/09/xmldsig#';
let dir = '';
let trust: TrustStore;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-keyalg-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const ECDSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';
const PSS_SHA256 = 'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1';

/**
 * A plain XMLDSig over one ds:Object signed by xmlsec1 with `signer` (its own method `native`), then given the
 * SignatureMethod `method` and a new SignatureValue `value` of the canonical SignedInfo.
 */
function resigned(
  signer: IssuedCert,
  native: string,
  method: string,
  value: (data: Buffer) => Buffer,
): string {
  const name = `${method.replace(/\W/g, '')}-${signer.name}`;
  const template = `<?xml version="1.0" encoding="UTF-8"?>
<ds:Signature xmlns:ds="${DS}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><ds:SignatureMethod Algorithm="${native}"/><ds:Reference URI="#o"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo><ds:Object Id="o">dati firmati</ds:Object></ds:Signature>
`;
  writeFileSync(join(dir, `${name}.t.xml`), template);
  xmlsecSign(join(dir, `${name}.t.xml`), join(dir, `${name}.xml`), signer, dir);
  const text = readFileSync(join(dir, `${name}.xml`), 'utf8').replace(native, method);
  const octets = readSignedInfo(parseXml(text).documentElement).octets!;
  const sig = value(octets).toString('base64');
  return text.replace(
    /<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/,
    `<ds:SignatureValue>${sig}</ds:SignatureValue>`,
  );
}

async function first(name: string, text: string) {
  const p = join(dir, name);
  writeFileSync(p, text);
  const r = await verifyFile(p, { trust });
  expect(r.error).toBeNull();
  return r.signatures[0]!;
}

function expectCryptoFailure(s: Awaited<ReturnType<typeof first>>): void {
  expect(s.integrity).toBe('invalid');
  expect(s.indication).toBe('TOTAL_FAILED');
  expect(s.subIndication).toBe('SIG_CRYPTO_FAILURE');
}

describe('SignatureMethod and key type', () => {
  it('ecdsa-sha256 with an RSA key and a PKCS#1 v1.5 value: SIG_CRYPTO_FAILURE', async () => {
    const key = createPrivateKey(readFileSync(fx.pki.signature.keyPem));
    const pkcs1 = (d: Buffer): Buffer => sign('sha256', d, key);
    // baseline: the same kind of value under the RSA method verifies
    const rsa = resigned(fx.pki.signature, RSA_SHA256, RSA_SHA256, pkcs1);
    expect((await first('rsa.xml', rsa)).integrity).toBe('valid');
    expectCryptoFailure(
      await first('ecdsa-rsa.xml', resigned(fx.pki.signature, RSA_SHA256, ECDSA_SHA256, pkcs1)),
    );
  });

  it('RSA-PSS with an EC key and an ECDSA (DER) value: SIG_CRYPTO_FAILURE', async () => {
    const ec = fx.pki.ecSignature;
    const key = createPrivateKey(readFileSync(ec.keyPem));
    const p1363 = (d: Buffer): Buffer => sign('sha256', d, { key, dsaEncoding: 'ieee-p1363' });
    expect((await first('ecdsa.xml', resigned(ec, ECDSA_SHA256, ECDSA_SHA256, p1363))).integrity).toBe(
      'valid',
    );
    const der = (d: Buffer): Buffer => sign('sha256', d, key);
    expectCryptoFailure(await first('pss-ec.xml', resigned(ec, ECDSA_SHA256, PSS_SHA256, der)));
  });
});
