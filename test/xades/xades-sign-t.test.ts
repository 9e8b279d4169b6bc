/**
 * XAdES-T signing (ETSI EN 319 132-1 §5.3, B-T): `level: 'T'` adds a xades:SignatureTimeStamp whose token (from the
 * loopback TSA) covers the canonical ds:SignatureValue. Checked independently: xmlsec1 still verifies the
 * signature, `openssl ts -verify` accepts the token over the ds:SignatureValue canonicalized by hand (not by
 * Sigillo), the FatturaPA data are still read; Sigillo reports XAdES-BASELINE-T with the timestamp valid and its
 * time as proof of existence. A tampered token, or a token over another value, fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { signOneFile } from '../../electron/core/sign/sign-one-file';
import { xadesTimestamper } from '../../electron/core/sign/xades-t';
import { signXadesFile } from '../../electron/core/xades/sign-xades';
import type { SignPolicy } from '../../electron/core/sign/sign-policy';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { makeTsaPki, startTsaServer, type TestTsa } from '../support/tsa-server';
import { FATTURA_NS, invoiceXml } from './support/fatturapa-sample';
import { xmlsecVerify } from './support/xmlsec';

const fx = inject('fixture');
let dir = '';
let tsa: TestTsa;
let trust: TrustStore;
let signer: SoftwareSigner;
let signed = '';

const between = (s: string, open: RegExp, close: string): string => {
  const m = open.exec(s);
  if (!m) throw new Error(`${open} not found`);
  const from = m.index + m[0].length;
  return s.slice(from, s.indexOf(close, from));
};

function policy(p: Partial<SignPolicy>): SignPolicy {
  return { format: 'xades', digest: 'sha256', overwrite: false, nest: false, level: 'B', ...p };
}

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'xades-sign-t-'));
  tsa = await startTsaServer({ pki: makeTsaPki(join(dir, 'tsa')) });
  trust = new TrustStore([
    ...(await readTrustFile(fx.pki.chainPem)),
    ...(await readTrustFile(tsa.pki.rootPem)),
  ]);
  signer = new SoftwareSigner({ keyPem: fx.pki.signature.keyPem, certPem: fx.pki.signature.certPem });
  const input = join(dir, 'IT01234567890_00003.xml');
  writeFileSync(input, invoiceXml());
  const r = await signOneFile(input, policy({ level: 'T', tsa: { url: tsa.url } }), { signer });
  signed = r.output;
});

afterAll(async () => {
  await tsa?.close();
});

describe('XAdES-T signing', () => {
  it('writes a SignatureTimeStamp; xmlsec1 still verifies; Sigillo reports XAdES-BASELINE-T and the invoice', async () => {
    const out = readFileSync(signed, 'utf8');
    expect(out).toMatch(
      /<\/xades:SignedProperties><xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:SignatureTimeStamp Id="SignatureTimeStamp-[0-9a-f]+"><ds:CanonicalizationMethod Algorithm="http:\/\/www.w3.org\/TR\/2001\/REC-xml-c14n-20010315"\/><xades:EncapsulatedTimeStamp>/,
    );
    expect(tsa.requests).toBe(1);
    const x = xmlsecVerify(signed, fx.pki);
    expect(x.ok, x.output).toBe(true);
    const v = await verifyFile(signed, { trust });
    const s = v.signatures[0];
    expect(s?.integrity).toBe('valid');
    expect(s?.cadesForm).toBe('XAdES-BASELINE-T');
    expect(s?.hasTimestamp).toBe(true);
    expect(s?.timestamps).toHaveLength(1);
    const ts = s?.timestamps?.[0];
    expect(ts).toMatchObject({ imprintMatches: true, integrity: 'valid' });
    expect(ts?.tsa).toContain('Time Stamping Unit');
    expect(ts?.chain.at(-1)?.trustAnchor).toBe(true);
    expect(Math.abs(Date.parse(ts!.genTime) - Date.now())).toBeLessThan(5 * 60_000);
    expect(v.fatturapa?.documents[0]?.number).toBe('FT-2026/17');
  });

  it('openssl ts -verify accepts the token over the ds:SignatureValue canonicalized by hand', () => {
    const out = readFileSync(signed, 'utf8');
    const id = between(out, /<ds:SignatureValue Id="/, '"');
    const value = between(out, /<ds:SignatureValue Id="[^"]+">/, '</ds:SignatureValue>');
    // C14N 1.0 of the element: in-scope namespaces (root's p and ds; ds again on ds:Signature) sorted, then Id
    const canonical = join(dir, 'signature-value.c14n');
    writeFileSync(
      canonical,
      `<ds:SignatureValue xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:p="${FATTURA_NS}" Id="${id}">${value}</ds:SignatureValue>`,
    );
    const token = join(dir, 'token.tst');
    writeFileSync(token, Buffer.from(between(out, /<xades:EncapsulatedTimeStamp>/, '<'), 'base64'));
    const verify = (data: string) =>
      spawnSync(
        'openssl',
        ['ts', '-verify', '-data', data, '-in', token, '-token_in', '-CAfile', tsa.pki.rootPem],
        { encoding: 'utf8' },
      );
    const ok = verify(canonical);
    expect(ok.status, ok.stderr).toBe(0);
    const other = join(dir, 'other.c14n');
    writeFileSync(other, readFileSync(canonical, 'utf8').replace(value, value.slice(1)));
    expect(verify(other).status).not.toBe(0);
  });

  it('a tampered token and a token over another value fail (xmlsec1 cannot tell: unsigned properties)', async () => {
    const out = readFileSync(signed, 'utf8');
    const b64 = between(out, /<xades:EncapsulatedTimeStamp>/, '<');
    const der = Buffer.from(b64, 'base64');
    der[der.length - 5]! ^= 0x01; // inside the TSA's signature value
    const tampered = join(dir, 'tampered.xml');
    writeFileSync(tampered, out.replace(b64, der.toString('base64')));
    expect(xmlsecVerify(tampered, fx.pki).ok).toBe(true);
    const t = (await verifyFile(tampered, { trust })).signatures[0];
    expect(t?.integrity).toBe('valid');
    expect(t?.timestamps?.[0]?.integrity).toBe('invalid');
    expect(t?.messages.join('\n')).toMatch(/non valida|not valid/);

    // a genuine token of the same TSA, over other bytes
    const data = join(dir, 'other.txt');
    writeFileSync(data, 'another value');
    const q = join(dir, 'other.tsq');
    const tok = join(dir, 'other.tst');
    execFileSync('openssl', ['ts', '-query', '-data', data, '-sha256', '-cert', '-out', q]);
    execFileSync(
      'openssl',
      ['ts', '-reply', '-config', tsa.pki.config, '-queryfile', q, '-token_out', '-out', tok],
      { cwd: tsa.pki.dir },
    );
    const swapped = join(dir, 'swapped.xml');
    writeFileSync(swapped, out.replace(b64, readFileSync(tok).toString('base64')));
    const w = (await verifyFile(swapped, { trust })).signatures[0];
    expect(w?.timestamps?.[0]).toMatchObject({ imprintMatches: false, integrity: 'invalid' });
    expect(w?.timestamps?.[0]?.indication).toBe('TOTAL_FAILED');
  });

  it('a token over other bytes is caught by the self-check before anything is written', async () => {
    const input = join(dir, 'self-check.xml');
    writeFileSync(input, invoiceXml());
    const real = xadesTimestamper({ url: tsa.url });
    const wrong = (data: Uint8Array) => real(Buffer.concat([data, Buffer.from(' ')]));
    await expect(
      signXadesFile({ input, overwrite: false, digest: 'sha256', signer, signatureTimestamp: wrong }),
    ).rejects.toMatchObject({ code: 'XADES_SELF_CHECK_FAILED' });
    expect(existsSync(join(dir, 'self-check-signed.xml'))).toBe(false);
  });

  it('LT and LTA stay refused for XAdES (LEVEL_UNSUPPORTED), nothing written', async () => {
    const input = join(dir, 'lt.xml');
    writeFileSync(input, invoiceXml());
    for (const level of ['LT', 'LTA'] as const) {
      await expect(
        signOneFile(input, policy({ level, tsa: { url: tsa.url } }), { signer }),
      ).rejects.toMatchObject({ code: 'LEVEL_UNSUPPORTED' });
    }
    expect(existsSync(join(dir, 'lt-signed.xml'))).toBe(false);
  });
});
