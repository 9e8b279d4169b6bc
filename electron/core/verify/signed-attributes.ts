/** Reads the signed and unsigned attributes of a SignerInfo (RFC 5652, RFC 5035 ESS, ETSI EN 319 122-1). */
import { HASH_BY_OID, type HashName } from '../cms/algorithm-oids';
import { setOf } from '../cms/der';
import { derTime } from '../cms/der-time';
import { OID } from '../cms/oids';
import { octetString, type RawAttribute } from '../cms/signer-info-reader';
import { bytesOf, children, decodeOid, readElement, valueOf, type Element } from '../cms/der-parse';

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
class Encodings implements Iterable<Uint8Array> {
  constructor(private readonly encoded: Uint8Array) {}
  [Symbol.iterator](): Iterator<Uint8Array> {
    return encodingsOf(this.encoded);
  }
}

function* encodingsOf(encoded: Uint8Array): Generator<Uint8Array> {
  const asFound = new Uint8Array(encoded); // a copy (its first byte is changed)
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
    return setOf(elems);
  } catch {
    return undefined;
  }
}

/** the ESSCertIDs of every signingCertificateV2 value, then of every signingCertificate (V1) one */
function essCertIds(v2: Uint8Array[][], v1: Uint8Array[][]): EssCertId[] {
  const out: EssCertId[] = [];
  for (const v of v2) out.push(...essIds(v[0], true));
  for (const v of v1) out.push(...essIds(v[0], false));
  return out;
}

export function readSignedAttributes(signed: {
  encoded: Uint8Array;
  attributes: RawAttribute[];
}): SignedAttributes {
  const attrs = signed.attributes;
  const malformed: string[] = [];
  const ct = single(attrs, OID.contentType, malformed);
  const md = single(attrs, OID.messageDigest, malformed);
  const st = single(attrs, OID.signingTime, malformed);
  const v2 = attrValues(attrs, OID.signingCertificateV2);
  const v1 = attrValues(attrs, OID.signingCertificate);
  return {
    contentType: decoded(ct, (e, b) => (e.tag === 0x06 ? decodeOid(valueOf(b, e)) : undefined)),
    messageDigest: decoded(md, (e, b) => octetString(b, e)),
    signingTime: decoded(st, (e, b) => derTime(e.tag, valueOf(b, e))),
    essCertIds: essCertIds(v2, v1),
    signingCertificateV2: v2.length > 0,
    signingCertificateV1: v1.length > 0,
    signaturePolicy: attrs.some((a) => a.type === OID.signaturePolicy),
    malformed,
    encodings: new Encodings(signed.encoded),
  };
}

export function readUnsignedAttributes(unsigned: RawAttribute[] | undefined): UnsignedAttributes {
  const attrs = unsigned ?? [];
  const counterSignatures = attrValues(attrs, OID.counterSignature)
    .flat()
    .filter((v) => v[0] === 0x30);
  const timestamps = attrValues(attrs, OID.signatureTimeStamp).length;
  return { counterSignatures, timestamps };
}
