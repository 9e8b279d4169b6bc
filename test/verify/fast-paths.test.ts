/**
 * The per-file shortcuts of batch verification: small files read once (verifyFile hands the bytes to the
 * verifier), a detached .p7m finds its content beside it only after being read, a large p7m still streams
 * from disk, and the FatturaPA summary is parsed only when the root element can be an invoice.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import type { VerifyFileOptions } from '../../electron/core/verify/file-types';
import { mayBeFatturaPa } from '../../electron/core/fatturapa/fatturapa-peek';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
const NS = 'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2';
let dir = '';
let opts: VerifyFileOptions;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'vfast-'));
  opts = { trust: new TrustStore(await readTrustFile(fx.pki.rootPem)) };
});

function sign(input: string, out: string, flags: string[]): string {
  opensslCmsSign({ input, out, signer: fx.pki.signature, certfile: fx.pki.caPem, flags, outform: 'DER' });
  return out;
}

function invoice(root: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported -->\n${root}\n<FatturaElettronicaHeader>` +
    '<DatiTrasmissione><FormatoTrasmissione>FPR12</FormatoTrasmissione></DatiTrasmissione>' +
    '</FatturaElettronicaHeader></p:FatturaElettronica>\n'
  );
}

describe('batch verification fast paths', () => {
  it('mayBeFatturaPa: false only for a root that surely is not an invoice', () => {
    expect(mayBeFatturaPa(invoice(`<p:FatturaElettronica xmlns:p="${NS}" versione="FPR12">`))).toBe(true);
    expect(mayBeFatturaPa(`\ufeff  <FatturaElettronica xmlns="${NS}.2">`)).toBe(true);
    expect(mayBeFatturaPa('<p:FatturaElettronica xmlns:p="&#104;ttp://x">')).toBe(true);
    expect(mayBeFatturaPa(`<p:FatturaElettronica a="x>y" xmlns:p="${NS}">`)).toBe(true);
    expect(mayBeFatturaPa('<?xml version="1.0"?><p:FatturaElettr')).toBe(true); // cut: the parse decides
    expect(mayBeFatturaPa('<?xml version="1.0"?><!-- not closed')).toBe(true);
    expect(mayBeFatturaPa('<?xml version="1.0"?><Ordine xmlns="urn:x">')).toBe(false);
    expect(mayBeFatturaPa('<!-- <p:FatturaElettronica> --><Other/>')).toBe(false);
    expect(mayBeFatturaPa('<p:FatturaElettronica versione="FPR12">')).toBe(false); // no FatturaPA namespace
  });

  it('a small p7m of a FatturaPA gets its summary; of another XML none', async () => {
    const fa = join(dir, 'fa.xml');
    writeFileSync(fa, invoice(`<p:FatturaElettronica xmlns:p="${NS}" versione="FPR12">`));
    const r = await verifyFile(sign(fa, join(dir, 'fa.xml.p7m'), ['-nodetach']), opts);
    expect(r.error).toBeNull();
    expect(r.signatures[0]?.integrity).toBe('valid');
    expect(r.fatturapa?.transmissionFormat).toBe('FPR12');
    const other = join(dir, 'other.xml');
    writeFileSync(other, '<?xml version="1.0"?><Ordine xmlns="urn:x"><Riga/></Ordine>\n');
    const o = await verifyFile(sign(other, join(dir, 'other.xml.p7m'), ['-nodetach']), opts);
    expect(o.signatures[0]?.integrity).toBe('valid');
    expect(o.fatturapa).toBeUndefined();
  });

  it('a detached .p7m finds its content beside it; alone → SIGNED_DATA_NOT_FOUND', async () => {
    const doc = join(dir, 'doc.txt');
    writeFileSync(doc, 'contenuto firmato separatamente\n');
    const p7m = sign(doc, join(dir, 'doc.txt.p7m'), []);
    const r = await verifyFile(p7m, opts);
    expect(r.error).toBeNull();
    expect(r.content).toBe(doc);
    expect(r.signatures[0]?.integrity).toBe('valid');
    const lone = join(mkdtempSync(join(dir, 'lone-')), 'doc.txt.p7m');
    copyFileSync(p7m, lone);
    const alone = await verifyFile(lone, opts);
    expect(alone.error).toBeNull();
    expect(alone.signatures[0]?.subIndication).toBe('SIGNED_DATA_NOT_FOUND');
  });

  it('a p7m above the read-whole limit (256 KiB) still verifies, streamed from disk', async () => {
    const big = join(dir, 'big.bin');
    writeFileSync(big, Buffer.alloc(300 * 1024, 0x41));
    const r = await verifyFile(sign(big, join(dir, 'big.bin.p7m'), ['-nodetach']), opts);
    expect(r.error).toBeNull();
    expect(r.signatures[0]?.integrity).toBe('valid');
  });
});
