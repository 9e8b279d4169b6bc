/**
 * One QualifyingProperties per signature (ETSI EN 319 132-1 §4.3), and the properties read are those holding the
 * SignedProperties the signature signs: an empty, unsigned <QualifyingProperties Target="#sig"/> put in a ds:Object
 * before the real one made SigningTime and SigningCertificateV2 vanish (the SigningCertificate check skipped).
 * Now two QualifyingProperties naming the signature are a format failure, and a decoy naming another signature
 * hides nothing. Signed by xmlsec1, then altered.
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
let dir = '';
let trust: TrustStore;
let signed = '';

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-qp-decoy-'));
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

/** `signed` with an empty QualifyingProperties naming `target` in a ds:Object before the real one */
function withDecoy(target: string): string {
  const decoy = `<ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="${target}"/></ds:Object>`;
  const out = signed.replace('<ds:Object>', `${decoy}<ds:Object>`);
  expect(out).not.toBe(signed);
  return out;
}

describe('a decoy QualifyingProperties before the real one', () => {
  it('as signed: the signing time and certificate reference are read', async () => {
    const s = await only('signed.xml', signed);
    expect(s.integrity).toBe('valid');
    expect(s.signingTime).not.toBeNull();
    expect(s.cadesForm).toBe('XAdES-BES');
  });

  it('naming this signature too: a format failure (one QualifyingProperties per signature)', async () => {
    const s = await only('decoy-same.xml', withDecoy('#xmldsig-1'));
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
    expect(s.messages.join(' ')).toMatch(/QualifyingProperties/);
    // the properties read are still the signed ones
    expect(s.signingTime).not.toBeNull();
  });

  it('naming another signature: ignored, the signed properties are read', async () => {
    const s = await only('decoy-other.xml', withDecoy('#altra-firma'));
    expect(s.integrity).toBe('valid');
    expect(s.subIndication).not.toBe('FORMAT_FAILURE');
    expect(s.signingTime).not.toBeNull();
  });
});
