/**
 * XAdES-T: a SignatureTimeStamp (made by `openssl ts -reply` over the canonical ds:SignatureValue, written out by
 * hand here, independently of Sigillo's canonicaliser) is verified with the TSA trusted; a token over other data
 * is reported as not matching.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { makeTsaPki, type TsaPki } from '../support/tsa-server';
import { FATTURA_NS, invoiceXml, xadesTemplate } from './support/fatturapa-sample';
import { xmlsecSign } from './support/xmlsec';

const fx = inject('fixture');
let dir = '';
let tsa: TsaPki;
let signed = '';
let trust: TrustStore;

function token(dataFile: string): string {
  const q = `${dataFile}.tsq`;
  const out = `${dataFile}.tst`;
  execFileSync('openssl', ['ts', '-query', '-data', dataFile, '-sha256', '-cert', '-no_nonce', '-out', q]);
  execFileSync(
    'openssl',
    ['ts', '-reply', '-config', tsa.config, '-queryfile', q, '-token_out', '-out', out],
    {
      cwd: tsa.dir,
    },
  );
  return readFileSync(out).toString('base64');
}

function withTimestamp(b64: string): string {
  return signed.replace(
    '</xades:SignedProperties>',
    `</xades:SignedProperties><xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:SignatureTimeStamp><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><xades:EncapsulatedTimeStamp>${b64}</xades:EncapsulatedTimeStamp></xades:SignatureTimeStamp></xades:UnsignedSignatureProperties></xades:UnsignedProperties>`,
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-t-'));
  tsa = makeTsaPki(join(dir, 'tsa'));
  const template = join(dir, 'template.xml');
  writeFileSync(template, invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem)));
  const out = join(dir, 'signed.xml');
  xmlsecSign(template, out, fx.pki.signature);
  signed = readFileSync(out, 'utf8');
  trust = new TrustStore([...(await readTrustFile(fx.pki.chainPem)), ...(await readTrustFile(tsa.rootPem))]);
});

describe('XAdES-T signature timestamp', () => {
  it('a token over the canonical SignatureValue verifies; the form is XAdES-BASELINE-T (XAdES-T without SigningTime)', async () => {
    const value = signed.slice(
      signed.indexOf('<ds:SignatureValue>') + '<ds:SignatureValue>'.length,
      signed.indexOf('</ds:SignatureValue>'),
    );
    const canonical = join(dir, 'signature-value.c14n');
    writeFileSync(
      canonical,
      `<ds:SignatureValue xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:p="${FATTURA_NS}">${value}</ds:SignatureValue>`,
    );
    const file = join(dir, 'xades-t.xml');
    writeFileSync(file, withTimestamp(token(canonical)));
    const r = await verifyFile(file, { trust });
    const s = r.signatures[0];
    expect(s?.integrity).toBe('valid');
    expect(s?.cadesForm).toBe('XAdES-BASELINE-T');
    expect(s?.hasTimestamp).toBe(true);
    expect(s?.timestamps).toHaveLength(1);
    expect(s?.timestamps?.[0]?.imprintMatches).toBe(true);
    expect(s?.timestamps?.[0]?.integrity).toBe('valid');
    expect(s?.timestamps?.[0]?.tsa).toContain('Time Stamping Unit');
    // the level is read from the structure (as DSS): without SigningTime it is no baseline signature
    const noTime = join(dir, 'xades-t-no-time.xml');
    writeFileSync(
      noTime,
      readFileSync(file, 'utf8').replace(/<xades:SigningTime>[^<]*<\/xades:SigningTime>/, ''),
    );
    expect((await verifyFile(noTime, { trust })).signatures[0]?.cadesForm).toBe('XAdES-T');
  });

  it('a token over other data does not match', async () => {
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'something else');
    const file = join(dir, 'xades-t-bad.xml');
    writeFileSync(file, withTimestamp(token(other)));
    const s = (await verifyFile(file, { trust })).signatures[0];
    expect(s?.integrity).toBe('valid');
    expect(s?.timestamps?.[0]?.imprintMatches).toBe(false);
    expect(s?.messages.join(' ')).toMatch(/non valida|not valid/);
  });
});
