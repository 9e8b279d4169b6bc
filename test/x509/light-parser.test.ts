/**
 * parseCertificate (light DER walker) against pkijs, the library it replaced on the start-up path: names, serial,
 * validity, key, and every extension Sigillo shows must read the same for the test PKI's certificates and for
 * every certificate inside the real-world corpus (needs ../shared/corpus/realworld; that case skips only where it
 * is absent).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, inject, it } from 'vitest';
import { parseCertificate } from '../../electron/core/x509/cert-info';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { pemToDers } from '../../electron/core/x509/pem';
import { EKU_NAMES, KEY_USAGE_BITS } from '../../electron/core/x509/oids';
import { REALWORLD, realworldPresent } from '../support/realworld-corpus';

const fx = inject('fixture');

interface Block {
  valueBlock: { value?: unknown; valueHexView: Uint8Array };
}

/** What pkijs reads, as plain values. */
function reference(der: Uint8Array) {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(der).buffer);
  const values = (n: pkijs.RelativeDistinguishedNames) =>
    n.typesAndValues
      .map((tv) => (tv.value as Block).valueBlock.value)
      .filter((v): v is string => typeof v === 'string');
  const ext = (oid: string) => cert.extensions?.find((e) => e.extnID === oid)?.parsedValue as unknown;
  const ku = ext('2.5.29.15') as asn1js.BitString | undefined;
  const kuBytes = ku?.valueBlock.valueHexView ?? new Uint8Array();
  const eku = ext('2.5.29.37') as pkijs.ExtKeyUsage | undefined;
  const pol = ext('2.5.29.32') as pkijs.CertificatePolicies | undefined;
  const bc = ext('2.5.29.19') as pkijs.BasicConstraints | undefined;
  const qc = ext('1.3.6.1.5.5.7.1.3') as pkijs.QCStatements | undefined;
  const crl = ext('2.5.29.31') as pkijs.CRLDistributionPoints | undefined;
  const aia = ext('1.3.6.1.5.5.7.1.1') as pkijs.InfoAccess | undefined;
  const ski = ext('2.5.29.14') as asn1js.OctetString | undefined;
  return {
    subject: values(cert.subject),
    issuer: values(cert.issuer),
    serial: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value.getTime(),
    notAfter: cert.notAfter.value.getTime(),
    keyUsageBits: [...kuBytes].map((b) => b.toString(2).padStart(8, '0')).join(''),
    eku: eku?.keyPurposes ?? [],
    policies: pol?.certificatePolicies.map((p) => p.policyIdentifier) ?? [],
    isCA: bc?.cA === true,
    qc: qc?.values.map((s) => s.id) ?? [],
    crl: (crl?.distributionPoints ?? []).flatMap((dp) =>
      Array.isArray(dp.distributionPoint)
        ? dp.distributionPoint.filter((n) => n.type === 6).map((n) => n.value as string)
        : [],
    ),
    aia: (aia?.accessDescriptions ?? [])
      .filter((d) => d.accessLocation.type === 6)
      .map((d) => d.accessLocation.value as string),
    ski: ski ? Buffer.from(ski.valueBlock.valueHexView).toString('hex') : undefined,
  };
}

function compare(der: Uint8Array): void {
  const ref = reference(der);
  const got = parseCertificate(der);
  for (const v of ref.subject) expect(got.subject.dn).toContain(v.replace(/([,+"\\<>;])/g, '\\$1').trim());
  for (const v of ref.issuer) expect(got.issuer.dn).toContain(v.replace(/([,+"\\<>;])/g, '\\$1').trim());
  expect(got.serialNumber).toBe(ref.serial);
  expect(Date.parse(got.notBefore)).toBe(ref.notBefore);
  expect(Date.parse(got.notAfter)).toBe(ref.notAfter);
  expect(got.keyUsage).toEqual(KEY_USAGE_BITS.filter((_, i) => ref.keyUsageBits[i] === '1'));
  expect(got.extendedKeyUsage).toEqual(ref.eku.map((o) => EKU_NAMES[o] ?? o));
  expect(got.policies).toEqual(ref.policies);
  expect(got.isCA).toBe(ref.isCA);
  expect(got.qc.statements).toEqual(ref.qc);
  expect(got.crlDistributionPoints).toEqual(ref.crl);
  expect([...got.ocspUrls, ...got.caIssuersUrls].sort()).toEqual([...ref.aia].sort());
  expect(got.subjectKeyIdentifier).toBe(ref.ski);
}

describe('light certificate parser = pkijs', () => {
  it('the test PKI: root, qualified CA, signature (QC, policies), authentication, EC, TSA', () => {
    const p = fx.pki;
    const pems = [p.rootPem, p.caPem, p.signature.certPem, p.authentication.certPem, p.ecSignature.certPem];
    for (const pem of pems) compare(pemToDers(readFileSync(pem, 'utf8'))[0]!);
    const sig = parseCertificate(pemToDers(readFileSync(p.signature.certPem, 'utf8'))[0]!);
    expect(sig.role).toBe('signature');
    expect(sig.subject.fiscalCode).toBe('RSSMRA80A01H501U');
    expect(sig.qc.compliance && sig.qc.sscd).toBe(true);
    expect(sig.keyType).toBe('rsa');
    expect(sig.keySize).toBeGreaterThanOrEqual(2048);
    expect(parseCertificate(pemToDers(readFileSync(p.ecSignature.certPem, 'utf8'))[0]!).curve).toBe('P-256');
    expect(parseCertificate(pemToDers(readFileSync(p.authentication.certPem, 'utf8'))[0]!).role).toBe(
      'authentication',
    );
  });

  it.skipIf(!realworldPresent)('every certificate inside the real-world p7m files', async () => {
    let seen = 0;
    for (const f of readdirSync(REALWORLD).filter((n) => /\.(p7m|p7s|p7|pkcs7)$/.test(n))) {
      const sd = await readSignedData(join(REALWORLD, f), { hashDeclared: false }).catch(() => undefined);
      for (const c of sd?.certificates ?? []) {
        if (c[0] !== 0x30) continue;
        compare(c);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('not a certificate → CERT_INVALID', () => {
    expect(() => parseCertificate(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01))).toThrow(
      expect.objectContaining({ code: 'CERT_INVALID' }),
    );
    const der = pemToDers(readFileSync(fx.pki.signature.certPem, 'utf8'))[0]!;
    expect(() => parseCertificate(der.subarray(0, der.length - 1))).toThrow(
      expect.objectContaining({ code: 'CERT_INVALID' }),
    );
  });
});
