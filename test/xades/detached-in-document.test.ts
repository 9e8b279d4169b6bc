/**
 * A real detached XAdES (its only data reference a file beside it) copied into another XML document, a forged
 * invoice: the signature still verifies for the file it signs (DSS: the scope is that file), but the invoice
 * holding it is signed by no one. The report says so (a scope note naming the file, the explanation never "the
 * document is intact", the headline a warning, no invoice data); the signature file on its own is unchanged.
 * Signed by xmlsec1.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fileSummary } from '../../electron/cli/commands/verify-text';
import { noAnswer, type RevocationChecker } from '../../electron/core/revocation/revocation-checker';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { fileHeadline } from '../../shared/verdict/headline';
import { fileReferences, invoiceXml, xadesTemplate } from './support/fatturapa-sample';
import { xmlsecSign } from './support/xmlsec';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;
let signature = '';
/** revocation answered "good": the signature of contratto.txt is TOTAL_PASSED */
const good: RevocationChecker = { check: async () => ({ ...noAnswer('unknown', ''), status: 'good' }) };
const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'detached-in-doc-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  writeFileSync(join(dir, 'contratto.txt'), 'Contratto di fornitura firmato da Alice.\n');
  // exclusive C14N: the signed properties keep their digest wherever the signature is moved
  const sig = xadesTemplate(fx.pki.signature.certPem, new Date(), fileReferences(['contratto.txt']))
    .replace('<ds:Signature Id=', '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id=')
    .replace('http://www.w3.org/TR/2001/REC-xml-c14n-20010315', EXC)
    .replace(
      /(URI="#xmldsig-1-signedprops">)/,
      `$1<ds:Transforms><ds:Transform Algorithm="${EXC}"/></ds:Transforms>`,
    );
  const template = join(dir, 'contratto.template.xml');
  writeFileSync(template, `<?xml version="1.0" encoding="UTF-8"?>\n${sig}`);
  xmlsecSign(template, join(dir, 'contratto.txt.xml'), fx.pki.signature, dir);
  signature = readFileSync(join(dir, 'contratto.txt.xml'), 'utf8');
});

async function verify(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const report = await verifyFile(file, { trust, revocation: good });
  expect(report.error).toBeNull();
  expect(report.signatures).toHaveLength(1);
  return { report, s: report.signatures[0]! };
}

describe('a detached signature inside another XML document', () => {
  it('on its own (the signature is the file): valid, the whole file signed', async () => {
    const { report, s } = await verify('contratto.txt.xml', signature);
    expect(s.indication).toBe('TOTAL_PASSED');
    expect(s.partialScope).toBeUndefined();
    expect(s.messages.join(' ')).not.toMatch(/contratto\.txt/);
    expect(fileHeadline(report, 'en').text).not.toMatch(/NOT signed/);
  });

  it('copied into a forged invoice: valid for contratto.txt only, the invoice reported as not signed', async () => {
    const element = /<ds:Signature [\s\S]*<\/ds:Signature>/.exec(signature)?.[0] ?? '';
    expect(element).toContain('URI="contratto.txt"');
    const forged = invoiceXml({ number: 'FT-2026/99', total: '99999.00' }, element);
    const { report, s } = await verify('fattura.xml', forged);
    // valid for what it signs (as DSS, and as a signature over some elements only), never for the invoice
    expect(s.integrity).toBe('valid');
    expect(s.indication).toBe('TOTAL_PASSED');
    expect(s.partialScope).toBe(true);
    expect(s.messages.join(' ')).toMatch(/contratto\.txt.*(non è firmato|is not signed)/);
    expect(s.explanation).not.toMatch(/integro|intact/);
    expect(s.explanation).toMatch(/contratto\.txt/);
    expect(report.fatturapa).toBeUndefined();
    const headline = fileHeadline(report, 'en');
    expect(headline.tone).toBe('warn');
    expect(headline.text).toMatch(/NOT signed/);
    const text = fileSummary({ ...report, file: 'fattura.xml' });
    expect(text).toMatch(/⚠ .*contratto\.txt.*not the XML document/);
    expect(text).not.toMatch(/✔|intact/);
  });
});
