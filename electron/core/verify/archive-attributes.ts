/**
 * The structures of CAdES-LTA (ETSI EN 319 122-1 §5.5.2/§5.5.3), shared by the check (archive-timestamps.ts) and
 * the upgrade (sign/cades-lta.ts): an archive-time-stamp-v3 unsigned attribute whose token carries,
 * as an unsigned attribute of its own SignerInfo, the ats-hash-index-v3 (ATSHashIndexV3) naming the
 * certificates, CRLs and unsigned attribute values it protects. The message imprint is the hash of:
 * eContentType (OID TLV) ‖ hash of the signed content ‖ the SignerInfo's version, sid, digestAlgorithm,
 * signedAttrs, signatureAlgorithm, signature (TLVs as found) ‖ the ATSHashIndexV3 (TLV as found/built).
 * Index entries: hash of each CertificateChoices and RevocationInfoChoice TLV of the SignedData, and of
 * attrType TLV ‖ AttributeValue TLV for every value of every unsigned attribute, in order of appearance.
 */
import { createHash } from 'node:crypto';
import { concat, octetString, oid, sequence } from '../cms/der';
import { bytesOf, children, decodeOid, readElement, valueOf } from '../cms/der-parse';
import { HASH_BY_OID, OID_BY_HASH, type HashName } from '../cms/algorithm-oids';
import { malformedTimestamp } from '../tsa/timestamp-token';
import { unsignedAttributes } from '../cms/unsigned-attributes';

export const OID_ARCHIVE_TIME_STAMP_V3 = '0.4.0.1733.2.4';
export const OID_ATS_HASH_INDEX_V3 = '0.4.0.19122.1.5';

/** The parts of the SignedData around a SignerInfo that an archive timestamp covers. */
export interface ArchivedSignedData {
  eContentType: string;
  /** CertificateChoices as found */
  certificates: Uint8Array[];
  /** RevocationInfoChoices as found */
  crls: Uint8Array[];
  /** hash of the signed content (eContent octets / detached content); undefined if not computed */
  contentDigest(h: HashName): Uint8Array | undefined;
}

export const digestOf = (h: HashName, data: Uint8Array): Uint8Array =>
  new Uint8Array(createHash(h).update(data).digest());

/** The SignerInfo fields other than unsignedAttrs, as encoded. */
function signedFields(si: Uint8Array): Uint8Array[] {
  const top = readElement(si, 0);
  return children(si, top)
    .filter((p) => p.tag !== 0xa1)
    .map((p) => bytesOf(si, p));
}

/** attrType TLV ‖ AttributeValue TLV, for every value of every unsigned attribute, in order. */
export function unsignedAttrValueInputs(si: Uint8Array): Uint8Array[] {
  return unsignedAttributes(si).flatMap((a) => a.values.map((v) => concat([oid(a.type), v])));
}

export interface HashIndex {
  hash: HashName | undefined;
  certificates: Uint8Array[];
  crls: Uint8Array[];
  unsignedAttrValues: Uint8Array[];
}

/** ATSHashIndexV3 DER for the SignedData and SignerInfo as they are now. */
export function buildHashIndex(h: HashName, sd: ArchivedSignedData, si: Uint8Array): Uint8Array {
  const list = (items: Uint8Array[]) => sequence(...items.map((i) => octetString(digestOf(h, i))));
  return sequence(
    sequence(oid(OID_BY_HASH[h])),
    list(sd.certificates),
    list(sd.crls),
    list(unsignedAttrValueInputs(si)),
  );
}

/** Reads an ATSHashIndexV3 (the hash algorithm may be absent: DEFAULT sha256 in the clause body). */
export function parseHashIndex(der: Uint8Array): HashIndex {
  try {
    const fields = children(der, readElement(der, 0));
    const alg = fields.length === 4 ? fields.shift() : undefined;
    const algOid = alg ? children(der, alg)[0] : undefined;
    const hash = alg ? (algOid ? HASH_BY_OID[decodeOid(valueOf(der, algOid))] : undefined) : 'sha256';
    const [certs, crls, attrs] = fields.map((f) =>
      children(der, f).map((o) => {
        if (o.tag !== 0x04) throw new RangeError('hash entry');
        return Uint8Array.from(valueOf(der, o));
      }),
    );
    if (!certs || !crls || !attrs || fields.length !== 3) throw new RangeError('ATSHashIndexV3');
    return { hash, certificates: certs, crls, unsignedAttrValues: attrs };
  } catch (e) {
    throw malformedTimestamp(`ats-hash-index-v3: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The bytes whose hash is the archive timestamp's message imprint (§5.5.3). */
export function archiveImprintInput(
  h: HashName,
  sd: ArchivedSignedData,
  si: Uint8Array,
  hashIndexDer: Uint8Array,
): Uint8Array | undefined {
  const content = sd.contentDigest(h);
  if (!content) return undefined;
  return concat([oid(sd.eContentType), content, ...signedFields(si), hashIndexDer]);
}
