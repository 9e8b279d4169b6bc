/**
 * XAdES goes through the same crypto constraints by date (crypto-policy.ts) as CAdES and PAdES: an xmlsec1
 * signature with rsa-sha1 (or a SHA-1 reference digest) and no timestamp is
 * INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE; the same template with SHA-256 is not a crypto failure.
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
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-crypto-date-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

async function signedWith(edit: (template: string) => string) {
  const template = join(dir, `template-${++n}.xml`);
  const original = invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem));
  const changed = edit(original);
  writeFileSync(template, changed);
  const signed = join(dir, `IT01234567890_0000${n}.xml`);
  xmlsecSign(template, signed, fx.pki.signature);
  const [s] = (await verifyFile(signed, { trust })).signatures;
  expect(s?.integrity).toBe('valid');
  return { s: s!, changed: changed !== original };
}

describe('XAdES crypto constraints by date', () => {
  it('rsa-sha256 with SHA-256 references: no crypto failure (revocation not checked → TRY_LATER)', async () => {
    const { s } = await signedWith((t) => t);
    expect(s.subIndication).toBe('TRY_LATER');
  });

  it('rsa-sha1 without a timestamp → INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE', async () => {
    const { s, changed } = await signedWith((t) =>
      t.replace(
        'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
        'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      ),
    );
    expect(changed).toBe(true);
    expect(s.signatureAlgorithm).toBe('RSA SHA-1');
    expect([s.indication, s.subIndication]).toEqual(['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE']);
  });

  it('a SHA-1 reference digest under rsa-sha256 → NO_POE too', async () => {
    const { s, changed } = await signedWith((t) =>
      t.replace(
        '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue>',
        '<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/><ds:DigestValue></ds:DigestValue>',
      ),
    );
    expect(changed).toBe(true);
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  });
});
