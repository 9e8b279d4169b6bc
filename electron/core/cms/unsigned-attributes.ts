/**
 * Unsigned attributes of an encoded SignerInfo (RFC 5652 §5.3): reading the signature value and adding an
 * attribute ([1] IMPLICIT SET OF Attribute), every other byte kept as it is so the signature stays valid.
 * New attributes go after the existing ones: CAdES treats their order as meaningful (EN 319 122-1 §5.5).
 */
import { bytesOf, children, decodeOid, readElement, valueOf, type Element } from './der-parse';
import { concat, sequence, tlv } from './der';
import { failure } from '../errors';
import { readSignerInfo } from './signer-info-reader';

function parts(si: Uint8Array): Element[] {
  try {
    const top = readElement(si, 0);
    if (top.tag !== 0x30) throw new RangeError('SignerInfo');
    return children(si, top);
  } catch (e) {
    throw failure('MALFORMED_CMS', { reason: `SignerInfo: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/**
 * The signature OCTET STRING's octets, primitive or BER constructed (as readSignerInfo reads them for the
 * verification): what a signature timestamp or a counter-signature covers.
 */
export function signatureValueOf(si: Uint8Array): Uint8Array {
  try {
    return readSignerInfo(si).signature;
  } catch (e) {
    throw failure('MALFORMED_CMS', { reason: `SignerInfo: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** The encoded unsigned attributes (type OID + the value encodings), in order. */
export function unsignedAttributes(si: Uint8Array): { type: string; values: Uint8Array[] }[] {
  const set = parts(si).find((p) => p.tag === 0xa1);
  if (!set) return [];
  return children(si, set).map((attr) => {
    const [type, values] = children(si, attr);
    if (type?.tag !== 0x06 || values?.tag !== 0x31)
      throw failure('MALFORMED_CMS', { reason: 'unsigned attribute' });
    return { type: decodeOid(valueOf(si, type)), values: children(si, values).map((v) => bytesOf(si, v)) };
  });
}

/** The SignerInfo with `attribute` (an encoded Attribute SEQUENCE) added last to its unsigned attributes. */
export function withUnsignedAttribute(si: Uint8Array, attribute: Uint8Array): Uint8Array {
  const ps = parts(si);
  const kept = ps.filter((p) => p.tag !== 0xa1).map((p) => bytesOf(si, p));
  const existing = ps.find((p) => p.tag === 0xa1);
  const attrs = existing ? children(si, existing).map((a) => bytesOf(si, a)) : [];
  return sequence(...kept, tlv(0xa1, concat([...attrs, attribute])));
}
