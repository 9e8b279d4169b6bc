/**
 * Reads a SignerInfo (RFC 5652 §5.3) with the light BER walker instead of asn1js + pkijs: batch verification of
 * small files spent about half its time building asn1js/pkijs objects for this structure alone. The structure is
 * checked as strictly as pkijs' schema does (order, tags, no trailing elements); throws RangeError otherwise.
 */
import {
  bytesOf,
  children,
  decodeOid,
  decodeSmallInteger,
  readElement,
  valueOf,
  type Element,
} from './der-parse';
import { TAG } from './der';

const { INTEGER, OCTET_STRING, OID, SEQUENCE, SET } = TAG;
/** context-specific class, primitive ([n] IMPLICIT); | 0x20 for constructed */
const CONTEXT = 0x80;

/** issuerAndSerialNumber (issuer as its DER Name, serial as its INTEGER content) or subjectKeyIdentifier */
export type SignerId =
  { kind: 'issuerSerial'; issuer: Uint8Array; serial: Uint8Array } | { kind: 'keyId'; keyId: Uint8Array };

export interface AlgorithmId {
  oid: string;
  /** the parameters element (whole encoding), when present */
  params?: Uint8Array;
}

/** One Attribute: its type and each AttributeValue as a whole encoding. */
export interface RawAttribute {
  type: string;
  values: Uint8Array[];
}

export interface SignerInfoFields {
  version: number;
  sid: SignerId;
  digestAlgorithm: AlgorithmId;
  /** the [0] signed attributes as found (tag included) and their parsed list */
  signedAttrs?: { encoded: Uint8Array; attributes: RawAttribute[] };
  signatureAlgorithm: AlgorithmId;
  signature: Uint8Array;
  unsignedAttrs?: RawAttribute[];
}

function expect(e: Element | undefined, tag: number, what: string): Element {
  if (!e || e.tag !== tag) throw new RangeError(`${what} expected`);
  return e;
}

/** An OCTET STRING's content; a BER constructed one is reassembled from its segments. */
export function octetString(buf: Uint8Array, e: Element, depth = 0): Uint8Array {
  if (e.tag === OCTET_STRING) return valueOf(buf, e);
  if (e.tag !== (OCTET_STRING | 0x20) || depth > 8) throw new RangeError('OCTET STRING expected');
  return Buffer.concat(children(buf, e).map((c) => octetString(buf, c, depth + 1)));
}

function algorithmId(buf: Uint8Array, e: Element | undefined, what: string): AlgorithmId {
  const parts = children(buf, expect(e, SEQUENCE, what));
  const oid = expect(parts[0], OID, what);
  if (parts.length > 2) throw new RangeError(`${what}: extra elements`);
  return { oid: decodeOid(valueOf(buf, oid)), params: parts[1] ? bytesOf(buf, parts[1]) : undefined };
}

function signerId(buf: Uint8Array, e: Element | undefined): SignerId {
  if (!e) throw new RangeError('sid expected');
  if (e.tag === SEQUENCE) {
    const [issuer, serial, ...rest] = children(buf, e);
    if (rest.length > 0) throw new RangeError('issuerAndSerialNumber: extra elements');
    return {
      kind: 'issuerSerial',
      issuer: bytesOf(buf, expect(issuer, SEQUENCE, 'issuer')),
      serial: valueOf(buf, expect(serial, INTEGER, 'serialNumber')),
    };
  }
  if (e.tag === CONTEXT) return { kind: 'keyId', keyId: valueOf(buf, e) };
  if (e.tag === (CONTEXT | 0x20)) {
    const inner = children(buf, e);
    if (inner.length !== 1) throw new RangeError('subjectKeyIdentifier expected');
    return { kind: 'keyId', keyId: octetString(buf, inner[0] as Element) };
  }
  throw new RangeError('sid expected');
}

/** SET OF Attribute, each SEQUENCE { type OID, values SET OF ANY }. */
export function readAttributes(buf: Uint8Array, set: Element): RawAttribute[] {
  return children(buf, set).map((a) => {
    const [type, values, ...rest] = children(buf, expect(a, SEQUENCE, 'Attribute'));
    if (rest.length > 0) throw new RangeError('Attribute: extra elements');
    return {
      type: decodeOid(valueOf(buf, expect(type, OID, 'attribute type'))),
      values: children(buf, expect(values, SET, 'attribute values')).map((v) => bytesOf(buf, v)),
    };
  });
}

export function readSignerInfo(bytes: Uint8Array): SignerInfoFields {
  const top = readElement(bytes, 0);
  if (top.tag !== SEQUENCE || top.end !== bytes.length) throw new RangeError('SignerInfo expected');
  const parts = children(bytes, top);
  let i = 0;
  const next = (): Element | undefined => parts[i];
  const version = decodeSmallInteger(valueOf(bytes, expect(parts[i++], INTEGER, 'version')));
  const sid = signerId(bytes, parts[i++]);
  const digestAlgorithm = algorithmId(bytes, parts[i++], 'digestAlgorithm');
  let signedAttrs: SignerInfoFields['signedAttrs'];
  if (next()?.tag === (CONTEXT | 0x20)) {
    const e = parts[i++] as Element;
    signedAttrs = { encoded: bytesOf(bytes, e), attributes: readAttributes(bytes, e) };
  }
  const signatureAlgorithm = algorithmId(bytes, parts[i++], 'signatureAlgorithm');
  const sigElement = parts[i++];
  if (!sigElement) throw new RangeError('signature expected');
  const signature = octetString(bytes, sigElement);
  let unsignedAttrs: RawAttribute[] | undefined;
  if (next()?.tag === (CONTEXT | 0x21)) unsignedAttrs = readAttributes(bytes, parts[i++] as Element);
  if (i !== parts.length) throw new RangeError('SignerInfo: extra elements');
  return { version, sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature, unsignedAttrs };
}
