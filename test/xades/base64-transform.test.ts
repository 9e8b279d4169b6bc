/**
 * The base64 transform (XMLDSig §6.6.2) over what is not an octet stream: a Reference URI="" whose only transform
 * is base64 once digested the empty string (the Document node has no text), so one signature passed on any
 * document; now the whole document is refused (Santuario fails on it too). The decoding is strict: characters
 * outside the base64 alphabet, or text after the padding, make the reference invalid instead of being skipped.
 */
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { readSignedInfo } from '../../electron/core/xml/signed-info';
import { parseXml, descendants } from '../../electron/core/xml/xml-safe';
import { invoiceXml, xadesTemplate } from './support/fatturapa-sample';
import { xmlsecSign, xmlsecVerify } from './support/xmlsec';

const fx = inject('fixture');
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const SHA256 = '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>';
let dir = '';
let trust: TrustStore;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-b64-'));
  trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
});

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function only(path: string) {
  const r = await verifyFile(path, { trust });
  expect(r.error).toBeNull();
  expect(r.signatures).toHaveLength(1);
  return { s: r.signatures[0]! };
}

/** A new SignatureValue over the (edited) SignedInfo with the test signer's key, as an attacker holding it would. */
function resign(text: string): string {
  const sig = descendants(parseXml(text), DS, 'Signature')[0]!;
  const octets = readSignedInfo(sig).octets!;
  const key = createPrivateKey(readFileSync(fx.pki.signature.keyPem));
  const value = sign('sha256', octets, key).toString('base64');
  return text.replace(
    /<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/,
    `<ds:SignatureValue>${value}</ds:SignatureValue>`,
  );
}

describe('base64 transform over a node-set', () => {
  it('URI="" with only the base64 transform is not valid, on the signed invoice nor on a changed one', async () => {
    const out = join(dir, 'enveloped.xml');
    xmlsecSign(
      write('enveloped.template.xml', invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem))),
      out,
      fx.pki.signature,
    );
    const signed = readFileSync(out, 'utf8');
    // the data reference becomes URI="" + base64, its digest the SHA-256 of no octets; SignedInfo re-signed
    const empty = createHash('sha256').digest('base64');
    const edited = signed.replace(
      /<ds:Reference Id="ref-doc" URI="">[\s\S]*?<\/ds:Reference>/,
      `<ds:Reference Id="ref-doc" URI=""><ds:Transforms><ds:Transform Algorithm="${DS}base64"/></ds:Transforms>${SHA256}<ds:DigestValue>${empty}</ds:DigestValue></ds:Reference>`,
    );
    expect(edited).not.toBe(signed);
    const b64 = resign(edited);
    for (const [name, text] of [
      ['b64-doc.xml', b64],
      ['b64-doc-forged.xml', b64.replace('>122.00<', '>99999.00<')],
    ] as const) {
      const { s } = await only(write(name, text));
      expect(s.integrity).toBe('invalid');
      expect(s.indication).not.toBe('TOTAL_PASSED');
    }
  });

  it('the decoding is strict: other characters or text after the padding make the reference invalid', async () => {
    const payload = Buffer.from('dati binari firmati').toString('base64');
    expect(payload.endsWith('=')).toBe(true);
    const sig = xadesTemplate(
      fx.pki.signature.certPem,
      new Date(),
      `<ds:Reference URI="#b"><ds:Transforms><ds:Transform Algorithm="${DS}base64"/></ds:Transforms>${SHA256}<ds:DigestValue></ds:DigestValue></ds:Reference>\n`,
    )
      .replace('<ds:Signature Id=', `<ds:Signature xmlns:ds="${DS}" Id=`)
      .replace('</ds:Signature>', `<ds:Object Id="b">\n${payload}\n</ds:Object></ds:Signature>`);
    const out = join(dir, 'object.xml');
    xmlsecSign(write('object.template.xml', sig), out, fx.pki.signature, dir);
    expect(xmlsecVerify(out, fx.pki).ok).toBe(true);
    const text = readFileSync(out, 'utf8');
    expect((await only(out)).s.integrity).toBe('valid');
    for (const [name, other] of [
      ['b64-junk.xml', `${payload.slice(0, 8)}!?${payload.slice(8)}`],
      ['b64-after-pad.xml', `${payload}QUJD`],
    ] as const) {
      expect(Buffer.from(other, 'base64').equals(Buffer.from(payload, 'base64'))).toBe(true);
      const { s } = await only(write(name, text.replace(payload, other)));
      expect(s.integrity).toBe('invalid');
    }
  });
});
