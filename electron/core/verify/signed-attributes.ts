/** Reads the signed and unsigned attributes of a SignerInfo (RFC 5652, RFC 5035 ESS, ETSI EN 319 122-1). */
import { HASH_BY_OID, type HashName } from '../cms/algorithm-oids';
import { compareDerSetElements, concatBytes, derWrap } from '../cms/bytes';
import { derTime } from '../cms/der-time';
import { octetString, type RawAttribute } from '../cms/signer-info-reader';
import { bytesOf, children, decodeOid, readElement, valueOf, type Element } from '../cms/der-parse';
import { OID_SIGNATURE_TIME_STAMP } from '../cms/unsigned-attributes';

export const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
export const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
export const OID_COUNTER_SIGNATURE = '1.2.840.113549.1.9.6';
export const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
export const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
export const OID_SIGNATURE_POLICY = '1.2.840.113549.1.9.16.2.15';

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
  /**
   * bytes to verify the signature over: as found (tag set to SET), then the DER SET OF re-sorted encoding, made
   * only when asked for (the as-found encoding verifies in nearly every file)
   */
  encodings: Iterable<Uint8Array>;
}

export interface UnsignedAttributes {
  counterSignatures: Uint8Array[];
  timestamps: number;
}

function attrValues(attrs: RawAttribute[], oid: string): Uint8Array[][] {
  return attrs.filter((a) => a.type === oid).map((a) => a.values);
}

/** The single value of a single-valued attribute, recording a problem when repeated. */
function single(attrs: RawAttribute[], oid: string, malformed: string[]): Uint8Array | undefined {
  const all = attrValues(attrs, oid);
  if (all.length > 1 || (all[0] && all[0].length !== 1)) malformed.push(oid);
  return all[0]?.[0];
}

/** A value decoded by `read` when it is one well-formed element, else undefined. */
function decoded<T>(
  value: Uint8Array | undefined,
  read: (e: Element, bytes: Uint8Array) => T | undefined,
): T | undefined {
  if (!value) return undefined;
  try {
    const e = readElement(value, 0);
    return e.end === value.length ? read(e, value) : undefined;
  } catch {
    return undefined;
  }
}

function essIds(value: Uint8Array | undefined, v2: boolean): EssCertId[] {
  return (
    decoded(value, (top, b) => {
      if (top.tag !== 0x30) return [];
      const certs = children(b, top)[0];
      if (certs?.tag !== 0x30) return [];
      const out: EssCertId[] = [];
      for (const id of children(b, certs)) {
        if (id.tag !== 0x30) continue;
        const parts = children(b, id);
        let hash: HashName | undefined = v2 ? 'sha256' : 'sha1';
        let i = 0;
        if (v2 && parts[0]?.tag === 0x30) {
          const oid = children(b, parts[0])[0];
          hash = oid?.tag === 0x06 ? HASH_BY_OID[decodeOid(valueOf(b, oid))] : undefined;
          i = 1;
        }
        const h = parts[i];
        if (h?.tag === 0x04) out.push({ hash, certHash: valueOf(b, h) });
      }
      return out;
    }) ?? []
  );
}

/** Candidate encodings of the signed attributes for the signature check. */
function* encodingsOf(encoded: Uint8Array): Generator<Uint8Array> {
  const asFound = Uint8Array.from(encoded);
  if (asFound.length > 0) {
    asFound[0] = 0x31;
    yield asFound;
  }
  const sorted = sortedSet(encoded);
  if (sorted && !Buffer.from(asFound).equals(Buffer.from(sorted))) yield sorted;
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

export function readSignedAttributes(signed: {
  encoded: Uint8Array;
  attributes: RawAttribute[];
}): SignedAttributes {
  const attrs = signed.attributes;
  const malformed: string[] = [];
  const ct = single(attrs, OID_CONTENT_TYPE, malformed);
  const md = single(attrs, OID_MESSAGE_DIGEST, malformed);
  const st = single(attrs, OID_SIGNING_TIME, malformed);
  const v2 = attrValues(attrs, OID_SIGNING_CERTIFICATE_V2);
  const v1 = attrValues(attrs, OID_SIGNING_CERTIFICATE);
  return {
    contentType: decoded(ct, (e, b) => (e.tag === 0x06 ? decodeOid(valueOf(b, e)) : undefined)),
    messageDigest: decoded(md, (e, b) => octetString(b, e)),
    signingTime: decoded(st, (e, b) => derTime(e.tag, valueOf(b, e))),
    essCertIds: [...v2.flatMap((v) => essIds(v[0], true)), ...v1.flatMap((v) => essIds(v[0], false))],
    signingCertificateV2: v2.length > 0,
    signingCertificateV1: v1.length > 0,
    signaturePolicy: attrs.some((a) => a.type === OID_SIGNATURE_POLICY),
    malformed,
    encodings: { [Symbol.iterator]: () => encodingsOf(signed.encoded) },
  };
}

export function readUnsignedAttributes(unsigned: RawAttribute[] | undefined): UnsignedAttributes {
  const attrs = unsigned ?? [];
  const counterSignatures = attrValues(attrs, OID_COUNTER_SIGNATURE)
    .flat()
    .filter((v) => v[0] === 0x30);
  const timestamps = attrValues(attrs, OID_SIGNATURE_TIME_STAMP).length;
  return { counterSignatures, timestamps };
}
