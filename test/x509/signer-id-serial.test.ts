/**
 * findBySignerId compares serial numbers as bytes without their leading zeros (issue 22: no hex string per
 * file), as the hex comparison did: a serial written with extra leading zero bytes still names the certificate,
 * a serial differing in any byte (or a zero byte more at the end, or empty) does not, and the issuer must match.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { findBySignerId, parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import { children, readElement, valueOf, bytesOf } from '../../electron/core/cms/der-parse';

const fx = inject('fixture');

/** the certificate's DER issuer Name and serial INTEGER content */
function fields(der: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } {
  const tbs = children(der, readElement(der, 0))[0];
  const parts = children(der, tbs as NonNullable<typeof tbs>);
  const k = parts[0]?.tag === 0xa0 ? 1 : 0;
  return { serial: valueOf(der, parts[k] as never), issuer: bytesOf(der, parts[k + 2] as never) };
}

/** the former comparison, kept here as the reference */
const hexForm = (b: Uint8Array) =>
  Buffer.from(b)
    .toString('hex')
    .replace(/^(00)+(?=..)/, '')
    .toLowerCase();

describe('findBySignerId: serials as bytes', () => {
  const certs = [fx.pki.signature, fx.pki.ca, fx.pki.root].map(
    (c) => parseCert(readFileSync(c.certDer)) as ParsedCert,
  );

  it('each form of each serial finds what the hex comparison finds', () => {
    for (const cert of certs) {
      const { issuer, serial } = fields(cert.der);
      const forms = [
        serial,
        Buffer.concat([Buffer.of(0), serial]),
        Buffer.concat([Buffer.of(0, 0, 0), serial]),
        Buffer.concat([serial, Buffer.of(0)]),
        Buffer.from(serial).map((b, i) => (i === serial.length - 1 ? b ^ 1 : b)),
        serial.subarray(1),
        new Uint8Array(0),
        Buffer.of(0),
      ];
      for (const form of forms) {
        const found = findBySignerId({ kind: 'issuerSerial', issuer, serial: form }, certs);
        const expected = certs.find(
          (c) =>
            hexForm(fields(c.der).serial) === hexForm(form) &&
            Buffer.from(fields(c.der).issuer).equals(issuer),
        );
        expect(found).toBe(expected);
      }
      expect(findBySignerId({ kind: 'issuerSerial', issuer, serial }, certs)).toBe(cert);
      const otherIssuer = fields(
        certs.find((c) => !Buffer.from(fields(c.der).issuer).equals(issuer))?.der ?? cert.der,
      );
      if (!Buffer.from(otherIssuer.issuer).equals(issuer))
        expect(
          findBySignerId({ kind: 'issuerSerial', issuer: otherIssuer.issuer, serial }, [cert]),
        ).toBeUndefined();
    }
  });
});
