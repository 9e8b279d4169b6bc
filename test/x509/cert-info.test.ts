import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { parseCertificate } from '../../electron/core/x509/cert-info';
import { fiscalCodeOf } from '../../electron/core/x509/names';
import { derToPem, pemToDers } from '../../electron/core/x509/pem';
import { SigilloError } from '../../electron/core/errors';
import { opensslFacts } from '../support/openssl-facts';

const fx = inject('fixture');

function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { encoding: 'utf8', input });
}

describe('parseCertificate on the fixture PKI (checked against openssl)', () => {
  const { pki } = fx;
  it('reads the CNS signature certificate', () => {
    const info = parseCertificate(readFileSync(pki.signature.certDer));
    const o = opensslFacts(pki.signature.certDer);
    expect(info.serialNumber).toBe(o.serial);
    expect(new Date(info.notBefore).toISOString()).toBe(o.notBefore);
    expect(new Date(info.notAfter).toISOString()).toBe(o.notAfter);
    expect(info.fingerprintSha256).toBe(o.fingerprint);
    expect(info.subject.fiscalCode).toBe(pki.person.fiscalCode);
    expect(info.subject.serialNumber).toBe(`TINIT-${pki.person.fiscalCode}`);
    expect(info.subject.givenName).toBe(pki.person.givenName);
    expect(info.subject.surname).toBe(pki.person.surname);
    expect(info.subject.commonName).toBe(`${pki.person.surname} ${pki.person.givenName}`);
    expect(info.subject.country).toBe('IT');
    expect(info.issuer.commonName).toBe('Sigillo Test Qualified CA');
    expect(o.text).toContain('Non Repudiation');
    expect(info.keyUsage).toEqual(['nonRepudiation']);
    expect(info.role).toBe('signature');
    expect(info.qc).toEqual({
      present: true,
      compliance: true,
      sscd: true,
      types: ['esign'],
      statements: ['0.4.0.1862.1.1', '0.4.0.1862.1.4', '0.4.0.1862.1.6'],
    });
    expect(info.policies).toEqual(['1.3.76.16.6', '0.4.0.194112.1.2']);
    expect(info.crlDistributionPoints).toEqual([pki.crlUrl]);
    expect(info.keyType).toBe('rsa');
    expect(info.keySize).toBe(2048);
    expect(o.text).toContain('Public-Key: (2048 bit)');
    expect(info.isCA).toBe(false);
    const ski = /Subject Key Identifier:\s*\n\s*([0-9A-F:]+)/.exec(o.text)?.[1];
    expect(info.subjectKeyIdentifier).toBe(ski?.replace(/:/g, '').toLowerCase());
    const aki = /Authority Key Identifier:\s*\n\s*(?:keyid:)?([0-9A-F:]+)/.exec(o.text)?.[1];
    expect(info.authorityKeyIdentifier).toBe(aki?.replace(/:/g, '').toLowerCase());
  });

  it('one-line DNs carry the same attributes as openssl RFC 2253 output', () => {
    const info = parseCertificate(readFileSync(pki.signature.certDer));
    const o = opensslFacts(pki.signature.certDer);
    expect(info.issuer.dn.replace(/, /g, ',')).toBe(o.issuer);
    expect(o.subject).toContain(`serialNumber=TINIT-${pki.person.fiscalCode}`);
    expect(info.subject.dn).toContain(`serialNumber=TINIT-${pki.person.fiscalCode}`);
    expect(info.subject.dn.startsWith('dnQualifier=1001, ')).toBe(true);
  });

  it('reads the authentication certificate as role authentication with clientAuth', () => {
    const info = parseCertificate(readFileSync(pki.authentication.certDer));
    expect(info.role).toBe('authentication');
    expect(info.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(info.extendedKeyUsage).toEqual(['clientAuth']);
    expect(info.qc.present).toBe(false);
  });

  it('reads EC P-256 keys', () => {
    const info = parseCertificate(readFileSync(pki.ecSignature.certDer));
    expect(opensslFacts(pki.ecSignature.certDer).text).toContain('NIST CURVE: P-256');
    expect(info).toMatchObject({ keyType: 'ec', keySize: 256, curve: 'P-256', role: 'signature' });
  });

  it('reads CA certificates as CA, role other', () => {
    const ca = parseCertificate(readFileSync(pki.ca.certDer));
    expect(ca).toMatchObject({ isCA: true, role: 'other', keyUsage: ['keyCertSign', 'cRLSign'] });
    expect(ca.policies).toEqual(['2.5.29.32.0']);
    const root = parseCertificate(readFileSync(pki.root.certDer));
    expect(root.subject.dn).toBe(root.issuer.dn);
    expect(ca.authorityKeyIdentifier).toBe(root.subjectKeyIdentifier);
  });

  it('gives validity dates of the expired certificate in the past', () => {
    const info = parseCertificate(readFileSync(pki.expiredSignature.certDer));
    expect(new Date(info.notAfter).getTime()).toBeLessThan(Date.now());
  });

  it('PEM round trip matches openssl', () => {
    const der = readFileSync(pki.signature.certDer);
    const pem = derToPem(der);
    const back = openssl(['x509', '-outform', 'PEM'], pem);
    expect(Buffer.from(pemToDers(back)[0] ?? []).equals(der)).toBe(true);
  });
});

describe('parseCertificate on bad input', () => {
  for (const [name, bytes] of [
    ['empty', new Uint8Array(0)],
    ['random', new Uint8Array([0x30, 0x82, 0xff, 0xff, 1, 2, 3])],
    ['not a certificate', new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05])],
  ] as const) {
    it(`throws CERT_INVALID for ${name}`, () => {
      let err: unknown;
      try {
        parseCertificate(bytes);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SigilloError);
      expect((err as SigilloError).code).toBe('CERT_INVALID');
    });
  }
  it('throws CERT_INVALID for a truncated certificate', () => {
    const der = readFileSync(fx.pki.signature.certDer);
    expect(() => parseCertificate(der.subarray(0, der.length - 40))).toThrow(SigilloError);
  });
});

describe('fiscalCodeOf', () => {
  it.each([
    ['TINIT-RSSMRA80A01H501U', 'RSSMRA80A01H501U'],
    ['tinit-rssmra80a01h501u', 'RSSMRA80A01H501U'],
    ['IT:CPCFBA85H06H769H', 'CPCFBA85H06H769H'],
    ['TINIT-02182030391', '02182030391'],
    ['TINIT-RSSMRA80A01H5LMU', 'RSSMRA80A01H5LMU'],
  ])('%s → %s', (serialNumber, code) => {
    expect(fiscalCodeOf({ dn: '', serialNumber })).toBe(code);
  });
  it.each(['IDCIT-AB1234567', 'VATIT-02182030391X', 'TINIT-TOOSHORT', '12345'])('%s → none', (s) => {
    expect(fiscalCodeOf({ dn: '', serialNumber: s })).toBeUndefined();
  });
  it('reads an old CNS common name CODE/serial', () => {
    expect(fiscalCodeOf({ dn: '', commonName: 'RSSMRA80A01H501U/7420000012345678.abc=' })).toBe(
      'RSSMRA80A01H501U',
    );
  });
});
