/**
 * readSignedAttributes builds its ESSCertID list with a loop and its encodings as a small class (issue 22: no
 * spread of flatMaps, no object with a computed key per signature): the ESSCertIDs come V2 first (in value order,
 * each value's ids in order), then V1; the encodings can be walked more than once, the as-found one first (tag
 * SET), the DER re-sorted one only when it differs; the given bytes are never changed.
 */
import { describe, expect, it } from 'vitest';
import { contextConstructed, oid, setOf, tlv } from '../../electron/core/cms/der';
import { OID } from '../../electron/core/cms/oids';
import { readAttributes } from '../../electron/core/cms/signer-info-reader';
import { readElement } from '../../electron/core/cms/der-parse';
import { readSignedAttributes } from '../../electron/core/verify/signed-attributes';

const octets = (fill: number, n: number) => tlv(0x04, new Uint8Array(n).fill(fill));
const seq = (...p: Uint8Array[]) => tlv(0x30, ...p);
const attr = (type: string, ...values: Uint8Array[]) => seq(oid(type), setOf(values));
/** SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 } with ids of the given hashes (sha512 named, else default) */
const v2 = (...ids: [number, 'sha256' | 'sha512'][]) =>
  seq(
    seq(
      ...ids.map(([f, h]) =>
        h === 'sha512' ? seq(seq(oid('2.16.840.1.101.3.4.2.3')), octets(f, 64)) : seq(octets(f, 32)),
      ),
    ),
  );
const v1 = (...fills: number[]) => seq(seq(...fills.map((f) => seq(octets(f, 20)))));

/** the [0] IMPLICIT signed attributes, in the given (possibly non-DER) order */
function signed(...attrs: Uint8Array[]) {
  const encoded = contextConstructed(0, ...attrs);
  return { encoded, attributes: readAttributes(encoded, readElement(encoded, 0)) };
}

describe('readSignedAttributes', () => {
  it('ESSCertIDs: every V2 value in order, then V1', () => {
    const s = signed(
      attr(OID.signingCertificate, v1(7)),
      attr(OID.signingCertificateV2, v2([1, 'sha256'], [2, 'sha512'])),
      attr(OID.signingCertificateV2, v2([3, 'sha256'])),
    );
    const r = readSignedAttributes(s);
    expect(r.essCertIds.map((e) => [e.hash, e.certHash[0], e.certHash.length])).toEqual([
      ['sha256', 1, 32],
      ['sha512', 2, 64],
      ['sha256', 3, 32],
      ['sha1', 7, 20],
    ]);
    expect(r.signingCertificateV1).toBe(true);
    expect(r.signingCertificateV2).toBe(true);
    expect(r.malformed).toEqual([]);
  });

  it('encodings: as found first, the DER re-sorted one only when different, the same on every walk', () => {
    const a = attr(OID.contentType, oid('1.2.840.113549.1.7.1'));
    const b = attr(OID.messageDigest, octets(9, 32));
    const sorted = signed(a, b); // DER order: the shorter first
    const reversed = signed(b, a);
    const before = Buffer.from(reversed.encoded);
    const one = readSignedAttributes(sorted);
    expect([...one.encodings].map((e) => Buffer.from(e).toString('hex'))).toEqual([
      Buffer.from(setOf([a, b])).toString('hex'),
    ]);
    const two = readSignedAttributes(reversed);
    const walk = () => [...two.encodings].map((e) => Buffer.from(e).toString('hex'));
    const first = walk();
    expect(first).toEqual([
      Buffer.concat([Buffer.of(0x31), Buffer.from(reversed.encoded.subarray(1))]).toString('hex'),
      Buffer.from(setOf([a, b])).toString('hex'),
    ]);
    expect(walk()).toEqual(first);
    expect(Buffer.from(reversed.encoded).equals(before)).toBe(true);
    expect(two.contentType).toBe('1.2.840.113549.1.7.1');
    expect(two.messageDigest?.length).toBe(32);
  });
});
