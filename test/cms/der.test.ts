import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import {
  compareDer,
  encodeLength,
  integer,
  oid,
  setOf,
  time,
  octetString,
  sequence,
} from '../../electron/core/cms/der';
import { decodeOid, readElement, children } from '../../electron/core/cms/der-parse';
import { issuerAndSerial } from '../../electron/core/cms/cert-fields';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('DER primitives', () => {
  it('encodes lengths in the shortest form', () => {
    expect(hex(encodeLength(0))).toBe('00');
    expect(hex(encodeLength(127))).toBe('7f');
    expect(hex(encodeLength(128))).toBe('8180');
    expect(hex(encodeLength(255))).toBe('81ff');
    expect(hex(encodeLength(256))).toBe('820100');
    expect(hex(encodeLength(0x1000000))).toBe('8401000000');
    expect(hex(encodeLength(2 ** 32 + 1))).toBe('850100000001');
  });

  it('encodes OIDs like openssl and decodes them back', () => {
    expect(hex(oid('1.2.840.113549.1.7.2'))).toBe('06092a864886f70d010702');
    expect(hex(oid('2.16.840.1.101.3.4.2.1'))).toBe('0609608648016503040201');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 39 }),
        fc.array(fc.nat()),
        (a, b, rest) => {
          const dotted = [a, b, ...rest].join('.');
          const enc = oid(dotted);
          return decodeOid(enc.subarray(2)) === dotted;
        },
      ),
    );
  });

  it('encodes non-negative INTEGERs minimally with a sign byte when needed', () => {
    expect(hex(integer(0))).toBe('020100');
    expect(hex(integer(1))).toBe('020101');
    expect(hex(integer(127))).toBe('02017f');
    expect(hex(integer(128))).toBe('02020080');
    expect(hex(integer(256))).toBe('02020100');
  });

  it('writes UTCTime until 2049 and GeneralizedTime from 2050 (RFC 5280)', () => {
    expect(
      Buffer.from(time(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678))))
        .subarray(2)
        .toString(),
    ).toBe('260102030405Z');
    expect(time(new Date(Date.UTC(2026, 0, 1)))[0]).toBe(0x17);
    expect(
      Buffer.from(time(new Date(Date.UTC(2050, 0, 1))))
        .subarray(2)
        .toString(),
    ).toBe('20500101000000Z');
    expect(time(new Date(Date.UTC(2050, 0, 1)))[0]).toBe(0x18);
    expect(
      Buffer.from(time(new Date(Date.UTC(1950, 5, 1))))
        .subarray(2)
        .toString(),
    ).toBe('500601000000Z');
  });

  it('sorts SET OF elements in DER order', () => {
    const a = octetString(Uint8Array.of(2));
    const b = octetString(Uint8Array.of(1, 0));
    const c = integer(5);
    const set = setOf([a, b, c]);
    const el = readElement(set, 0);
    const kids = children(set, el).map((e) => hex(set.subarray(e.start, e.end)));
    expect(kids).toEqual([hex(c), hex(a), hex(b)]);
    expect(compareDer(Uint8Array.of(1), Uint8Array.of(1, 0))).toBeLessThan(0);
  });

  it('round-trips long definite lengths through the element walker', () => {
    const big = sequence(octetString(new Uint8Array(70000)));
    const el = readElement(big, 0);
    expect(el.end).toBe(big.length);
    const [kid] = children(big, el);
    expect(kid && kid.valueEnd - kid.valueStart).toBe(70000);
  });

  it('finds the issuer and serial of a real certificate', () => {
    const fx = inject('fixture');
    const der = new Uint8Array(readFileSync(fx.pki.signature.certDer));
    const x = new X509Certificate(der);
    const { issuer, serial } = issuerAndSerial(der);
    expect(BigInt('0x' + hex(serial.subarray(2)))).toBe(BigInt('0x' + x.serialNumber));
    expect(Buffer.from(issuer).toString('latin1')).toContain('Sigillo Test Qualified CA');
  });
});
