/**
 * Inclusive C14N of a document subset inherits the xml:* attributes of the apex's ancestors (C14N 1.0 §2.4: all
 * of them; C14N 1.1 §2.4: xml:lang and xml:space, not xml:id); exclusive C14N inherits none. An invoice whose root
 * carries xml:lang or xml:space, signed by xmlsec1 with each canonicalisation (SignedInfo and SignedProperties are
 * subsets whose root is an ancestor), failed with a SignedProperties digest mismatch; xmlsec1, the independent
 * checker, verifies every one of them.
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

const C14N10 = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const C14N11 = 'http://www.w3.org/2006/12/xml-c14n11';
const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'c14n-xml-attrs-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

const transform = (alg: string): string => `<ds:Transform Algorithm="${alg}"/>`;

/** the invoice with `rootAttr` on its root, signed by xmlsec1 with `alg` for SignedInfo and both references */
function signed(name: string, alg: string, rootAttr: string): string {
  const dataRef =
    `<ds:Reference URI=""><ds:Transforms>${transform(ENVELOPED)}${transform(alg)}</ds:Transforms>` +
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference>\n';
  const sig = xadesTemplate(fx.pki.signature.certPem, new Date(), dataRef)
    .replace(C14N10, alg)
    .replace(/(URI="#xmldsig-1-signedprops">)/, `$1<ds:Transforms>${transform(alg)}</ds:Transforms>`);
  const text = invoiceXml(undefined, sig).replace('versione="FPR12"', `versione="FPR12" ${rootAttr}`);
  const template = join(dir, `${name}.template.xml`);
  writeFileSync(template, text);
  const out = join(dir, `${name}.xml`);
  xmlsecSign(template, out, fx.pki.signature);
  return out;
}

async function integrity(file: string): Promise<string | undefined> {
  const r = await verifyFile(file, { trust });
  expect(r.error).toBeNull();
  return r.signatures[0]?.integrity;
}

describe.each([
  ['C14N 1.0', C14N10],
  ['C14N 1.1', C14N11],
  ['exclusive C14N', EXC],
])('%s, root attribute inherited or not by the signed subsets', (label, alg) => {
  it.each([
    ['xml:lang', 'xml:lang="it"', 'xml:lang="en"'],
    ['xml:space', 'xml:space="preserve"', 'xml:space="default"'],
    ['xml:id', 'xml:id="fattura"', 'xml:id="altra"'],
  ])(
    '%s on the root: xmlsec1 and Sigillo agree it verifies; changed after signing, it does not',
    async (_a, attr, other) => {
      const name = `${label}-${attr}`.replace(/[^\w-]/g, '_');
      const file = signed(name, alg, attr);
      expect(xmlsecVerify(file, fx.pki).ok).toBe(true);
      expect(await integrity(file)).toBe('valid');
      const changed = join(dir, `${name}-changed.xml`);
      writeFileSync(changed, readFileSync(file, 'utf8').replace(attr, other));
      // URI="" signs the root and its attributes whatever the subsets inherit
      expect(await integrity(changed)).toBe('invalid');
    },
  );
});
