/**
 * A reference to the root element by Id selects the element, not the document (XMLDSig §4.4.3.3): a processing
 * instruction or comment put beside the root after signing is outside what was signed. The signature still
 * verifies (the root and the invoice data in it are signed), but the report no longer says the whole document is
 * covered; with URI="" the same processing instruction is signed, so adding it breaks the digest. Signed by xmlsec1.
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

const ROOT_REF =
  '<ds:Reference URI="#ROOT"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>' +
  '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference>\n';
const STYLESHEET = '<?xml-stylesheet type="text/xsl" href="https://example.org/altro.xsl"?>\n';
/** the note that what stands beside the root is not signed */
const OUTSIDE = /#ROOT/;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'root-scope-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

/** the invoice signed by xmlsec1: its root (Id="ROOT") by Id, or the whole document (URI="") */
function signed(name: string, byId: boolean): string {
  const sig = byId
    ? xadesTemplate(fx.pki.signature.certPem, new Date(), ROOT_REF)
    : xadesTemplate(fx.pki.signature.certPem);
  const text = invoiceXml(undefined, sig).replace('versione="FPR12"', 'versione="FPR12" Id="ROOT"');
  const template = join(dir, `${name}.template.xml`);
  writeFileSync(template, text);
  xmlsecSign(template, join(dir, `${name}.xml`), fx.pki.signature);
  return readFileSync(join(dir, `${name}.xml`), 'utf8');
}

async function verify(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = await verifyFile(file, { trust });
  expect(r.error).toBeNull();
  expect(r.signatures).toHaveLength(1);
  return { report: r, s: r.signatures[0]!, notes: r.signatures[0]!.messages.join(' ') };
}

/** `node` put right after the XML declaration, before the root */
function beforeRoot(text: string, node: string): string {
  const end = text.indexOf('?>') + 2;
  return `${text.slice(0, end)}\n${node}${text.slice(end).replace(/^\n/, '')}`;
}

describe('a reference to the root element by Id', () => {
  it('as signed: valid, the whole document covered (no note), invoice data shown', async () => {
    const { report, s, notes } = await verify('root.xml', signed('root', true));
    expect(s.integrity).toBe('valid');
    expect(notes).not.toMatch(OUTSIDE);
    expect(report.fatturapa).toBeDefined();
  });

  it.each([
    ['a processing instruction', STYLESHEET],
    ['a comment', '<!-- aggiunto dopo la firma -->\n'],
  ])(
    '%s added before the root after signing: still valid, but the report says only the root is signed',
    async (_what, node) => {
      const text = beforeRoot(signed('root-added', true), node);
      expect(text).toContain(node.trim());
      const { report, s, notes } = await verify('root-added.xml', text);
      expect(s.integrity).toBe('valid');
      expect(notes).toMatch(OUTSIDE);
      // the invoice data are read from the root element only, which is signed
      expect(report.fatturapa).toBeDefined();
    },
  );

  it('with URI="" the same processing instruction is signed: adding it breaks the digest', async () => {
    const text = beforeRoot(signed('whole', false), STYLESHEET);
    const { report, s } = await verify('whole-added.xml', text);
    expect(s.integrity).toBe('invalid');
    expect(report.fatturapa).toBeUndefined();
  });
});
