/** Reads the signed and unsigned attributes of a SignerInfo (RFC 5652, RFC 5035 ESS, ETSI EN 319 122-1). */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { HASH_BY_OID, type HashName } from './algorithms';
import { asn1Time, compareDerSetElements, concatBytes, derWrap, rawBytes, toBytes } from './der';
import { bytesOf, children, readElement } from '../cms/der-parse';

export const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
export const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
export const OID_COUNTER_SIGNATURE = '1.2.840.113549.1.9.6';
export const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
export const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
export const OID_SIGNATURE_POLICY = '1.2.840.113549.1.9.16.2.15';
export const OID_SIGNATURE_TIME_STAMP = '1.2.840.113549.1.9.16.2.14';

/** One ESSCertID(v2): the hash of the signing certificate the signer committed to. */
export interface EssCertId {
  hash: HashName | undefined;
  certHash: Uint8Array;
}

export interface SignedAttributes {
  contentType?: string;
  messageDigest?: Uint8Array;
  signingTime?: Date;
  /** ESSCertIDs, V2 first; the first one names the signing certificate */
  essCertIds: EssCertId[];
  signingCertificateV2: boolean;
  signingCertificateV1: boolean;
  signaturePolicy: boolean;
  /** attributes that must be single-valued and unique but are not */
  malformed: string[];
  /** bytes to verify the signature over: as found (tag set to SET), then the DER SET OF re-sorted encoding */
  encodings: Uint8Array[];
}

export interface UnsignedAttributes {
  counterSignatures: Uint8Array[];
  timestamps: number;
}

function attrValues(attrs: pkijs.Attribute[], oid: string): unknown[][] {
  return attrs.filter((a) => a.type === oid).map((a) => a.values as unknown[]);
}

/** The single value of a single-valued attribute, recording a problem when repeated. */
function single(attrs: pkijs.Attribute[], oid: string, malformed: string[]): unknown {
  const all = attrValues(attrs, oid);
  if (all.length > 1 || (all[0] && all[0].length !== 1)) malformed.push(oid);
  return all[0]?.[0];
}

function essIds(value: unknown, v2: boolean): EssCertId[] {
  if (!(value instanceof asn1js.Sequence)) return [];
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return [];
  const out: EssCertId[] = [];
  for (const id of certs.valueBlock.value) {
    if (!(id instanceof asn1js.Sequence)) continue;
    const parts = id.valueBlock.value;
    let hash: HashName | undefined = v2 ? 'sha256' : 'sha1';
    let i = 0;
    if (v2 && parts[0] instanceof asn1js.Sequence) {
      const oid = parts[0].valueBlock.value[0];
      hash = oid instanceof asn1js.ObjectIdentifier ? HASH_BY_OID[oid.valueBlock.toString()] : undefined;
      i = 1;
    }
    const h = parts[i];
    if (h instanceof asn1js.OctetString) out.push({ hash, certHash: toBytes(h.valueBlock.valueHexView) });
  }
  return out;
}

/** Candidate encodings of the signed attributes for the signature check. */
function encodingsOf(encodedValue: ArrayBuffer): Uint8Array[] {
  const asFound = new Uint8Array(encodedValue.slice(0));
  const out: Uint8Array[] = [];
  if (asFound.length > 0) {
    asFound[0] = 0x31;
    out.push(asFound);
  }
  const sorted = sortedSet(new Uint8Array(encodedValue));
  if (sorted && !out.some((e) => Buffer.from(e).equals(Buffer.from(sorted)))) out.push(sorted);
  return out;
}

/** the elements of a constructed value re-sorted as a DER SET (the light walker: no asn1js objects) */
function sortedSet(bytes: Uint8Array): Uint8Array | undefined {
  try {
    const top = readElement(bytes, 0);
    if (!top.constructed) return undefined;
    const elems = children(bytes, top).map((e) => bytesOf(bytes, e));
    return derWrap(0x31, concatBytes(elems.sort(compareDerSetElements)));
  } catch {
    return undefined;
  }
}

export function readSignedAttributes(signed: pkijs.SignedAndUnsignedAttributes): SignedAttributes {
  const attrs = signed.attributes;
  const malformed: string[] = [];
  const ct = single(attrs, OID_CONTENT_TYPE, malformed);
  const md = single(attrs, OID_MESSAGE_DIGEST, malformed);
  const st = single(attrs, OID_SIGNING_TIME, malformed);
  const v2 = attrValues(attrs, OID_SIGNING_CERTIFICATE_V2);
  const v1 = attrValues(attrs, OID_SIGNING_CERTIFICATE);
  return {
    contentType: ct instanceof asn1js.ObjectIdentifier ? ct.valueBlock.toString() : undefined,
    messageDigest: md instanceof asn1js.OctetString ? toBytes(md.valueBlock.valueHexView) : undefined,
    signingTime: asn1Time(st),
    essCertIds: [...v2.flatMap((v) => essIds(v[0], true)), ...v1.flatMap((v) => essIds(v[0], false))],
    signingCertificateV2: v2.length > 0,
    signingCertificateV1: v1.length > 0,
    signaturePolicy: attrs.some((a) => a.type === OID_SIGNATURE_POLICY),
    malformed,
    encodings: encodingsOf(signed.encodedValue),
  };
}

export function readUnsignedAttributes(
  unsigned: pkijs.SignedAndUnsignedAttributes | undefined,
): UnsignedAttributes {
  const attrs = unsigned?.attributes ?? [];
  const counterSignatures = attrValues(attrs, OID_COUNTER_SIGNATURE)
    .flat()
    .filter((v): v is asn1js.Sequence => v instanceof asn1js.Sequence)
    .map((v) => rawBytes(v));
  const timestamps = attrValues(attrs, OID_SIGNATURE_TIME_STAMP).length;
  return { counterSignatures, timestamps };
}
