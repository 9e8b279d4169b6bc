/**
 * FatturaPA key data in the report of a CAdES `.xml.p7m` (the content D's verifier streams): our sample signed
 * with openssl (DER, nested twice, base64) and the real-world SdI invoices of the shared corpus.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { fatturaPaFromBytes } from '../../electron/core/fatturapa/fatturapa';
import { invoiceXml } from './support/fatturapa-sample';
import { REALWORLD as CORPUS } from '../support/realworld-corpus';

const fx = inject('fixture');
const trust = new TrustStore([]);
let dir = '';

function cmsSign(input: string, out: string, outform = 'DER'): string {
  execFileSync('openssl', [
    'cms',
    '-sign',
    '-binary',
    '-nodetach',
    '-cades',
    '-in',
    input,
    '-signer',
    fx.pki.signature.certPem,
    '-inkey',
    fx.pki.signature.keyPem,
    '-outform',
    outform,
    '-out',
    out,
  ]);
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'fatturapa-p7m-'));
  writeFileSync(join(dir, 'IT01234567890_00004.xml'), invoiceXml({ number: '4/2026', total: '1220.50' }));
});

describe('FatturaPA data from .xml.p7m', () => {
  it('a CAdES p7m of the invoice reports sender, number, date, total', async () => {
    const p7m = cmsSign(join(dir, 'IT01234567890_00004.xml'), join(dir, 'IT01234567890_00004.xml.p7m'));
    const r = await verifyFile(p7m, { trust });
    expect(r.format).toBe('cades');
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.fatturapa?.sender.name).toBe('Rossi & Figli S.r.l.');
    expect(r.fatturapa?.documents[0]).toMatchObject({
      number: '4/2026',
      date: '2026-11-20',
      total: '1220.50',
    });
  });

  it('nested (p7m.p7m) and base64 p7m still give the invoice data; a non-invoice gives none', async () => {
    const inner = join(dir, 'IT01234567890_00004.xml.p7m');
    const nested = cmsSign(inner, join(dir, 'IT01234567890_00004.xml.p7m.p7m'));
    expect((await verifyFile(nested, { trust })).fatturapa?.documents[0]?.number).toBe('4/2026');
    const der = readFileSync(inner);
    const b64 = join(dir, 'b64.xml.p7m');
    writeFileSync(b64, der.toString('base64'));
    expect((await verifyFile(b64, { trust })).fatturapa?.sender.vatNumber).toBe('IT01234567890');
    writeFileSync(join(dir, 'note.txt'), 'not an invoice\n');
    const other = cmsSign(join(dir, 'note.txt'), join(dir, 'note.txt.p7m'));
    expect((await verifyFile(other, { trust })).fatturapa).toBeUndefined();
  });

  it('real-world SdI invoices (shared corpus) carry their key data', async (ctx) => {
    if (!existsSync(CORPUS)) return ctx.skip();
    for (const name of ['fenet-IT02182030391_31.xml.p7m', 'fenet-IT02182030391_31.Base64.xml.p7m']) {
      const r = await verifyFile(join(CORPUS, name), { trust });
      expect(r.fatturapa?.sender.vatNumber, name).toMatch(/^IT\d{11}$/);
      expect(r.fatturapa?.documents.length, name).toBeGreaterThan(0);
      expect(r.fatturapa?.documents[0]?.number, name).toBeTruthy();
    }
  });

  it('a truncated or non-FatturaPA XML gives no summary', () => {
    const text = invoiceXml();
    expect(fatturaPaFromBytes(Buffer.from(text.slice(0, 300)))).toBeUndefined();
    expect(fatturaPaFromBytes(Buffer.from('<a xmlns="urn:x"/>'))).toBeUndefined();
    expect(fatturaPaFromBytes(Buffer.from(text))?.transmissionFormat).toBe('FPR12');
  });
});
