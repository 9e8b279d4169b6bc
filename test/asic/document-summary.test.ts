/**
 * The invoice shown for an ASiC container comes only from a data file covered by a signature that verified
 * (DSS: the signature scope): an unsigned invoice placed beside the signed one, or an invoice whose signature
 * fails, is never summarised as the document.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { documentFactLines } from '../../electron/core/xades/document-facts';
import { invoiceXml } from '../xades/support/fatturapa-sample';
import { cadesDetached, MIME_E, MIME_S, stageIn, writeZip, xadesDetached } from './support/build-asic';

const fx = inject('fixture');
let dir = '';
let trust: TrustStore;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'asic-summary-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

const stage = (name: string, files: Record<string, string>) => stageIn(dir, name, files);

const genuine = invoiceXml({ number: 'VERA-1', total: '122.00' });
const fake = invoiceXml({ number: 'FAKE-1', total: '99999.00' });

describe('ASiC-E: the invoice summary comes from a signed data file only', () => {
  it('an unsigned invoice listed before the signed one is not shown; the signed one is', async () => {
    const s = stage('swap', { '0fattura.xml': fake, 'fattura-vera.xml': genuine });
    const sig = xadesDetached(s, ['fattura-vera.xml'], fx.pki.signature);
    const c = writeZip(join(dir, 'swap.asice'), MIME_E, [
      ['0fattura.xml', join(s, '0fattura.xml')],
      ['fattura-vera.xml', join(s, 'fattura-vera.xml')],
      ['META-INF/signatures.xml', sig],
    ]);
    const r = await verifyFile(c, { trust });
    expect(r.error).toBeNull();
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.container?.files.map((f) => [f.name, f.signedBy])).toEqual([
      ['0fattura.xml', []],
      ['fattura-vera.xml', [0]],
    ]);
    expect(r.fatturapa?.documents.map((d) => d.number)).toEqual(['VERA-1']);
    expect(documentFactLines(r).join('\n')).not.toMatch(/FAKE-1/);
  });

  it('an unsigned invoice beside a signed non-invoice: no invoice shown at all', async () => {
    const s = stage('fake', { '0fattura.xml': fake, 'doc.txt': 'documento firmato\n' });
    const sig = xadesDetached(s, ['doc.txt'], fx.pki.signature);
    const c = writeZip(join(dir, 'fake.asice'), MIME_E, [
      ['0fattura.xml', join(s, '0fattura.xml')],
      ['doc.txt', join(s, 'doc.txt')],
      ['META-INF/signatures.xml', sig],
    ]);
    const r = await verifyFile(c, { trust });
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.fatturapa).toBeUndefined();
  });
});

describe('ASiC-S: the invoice summary needs a signature that verified', () => {
  it('a CAdES signature over other bytes (HASH_FAILURE): the invoice is not shown', async () => {
    const s = stage('s-bad', { 'fattura.xml': fake, 'other.xml': genuine });
    const sig = cadesDetached(join(s, 'other.xml'), join(s, 'signature.p7s'), fx.pki.signature, fx.pki);
    const c = writeZip(join(dir, 'bad.asics'), MIME_S, [
      ['fattura.xml', join(s, 'fattura.xml')],
      ['META-INF/signature.p7s', sig],
    ]);
    const r = await verifyFile(c, { trust });
    expect(r.signatures[0]?.integrity).toBe('invalid');
    expect(r.fatturapa).toBeUndefined();
  });

  it('the same container with the signed invoice: shown', async () => {
    const s = stage('s-good', { 'fattura.xml': genuine });
    const sig = cadesDetached(join(s, 'fattura.xml'), join(s, 'signature.p7s'), fx.pki.signature, fx.pki);
    const c = writeZip(join(dir, 'good.asics'), MIME_S, [
      ['fattura.xml', join(s, 'fattura.xml')],
      ['META-INF/signature.p7s', sig],
    ]);
    const r = await verifyFile(c, { trust });
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.fatturapa?.documents.map((d) => d.number)).toEqual(['VERA-1']);
  });
});
