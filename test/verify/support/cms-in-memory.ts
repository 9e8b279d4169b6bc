/**
 * Test helper: the small parts of a whole in-memory SignedData (asn1js), to exercise the per-signature engine
 * independently of the streaming reader.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { HashName } from '../../../electron/core/cms/algorithm-oids';
import type { CmsParts } from '../../../electron/core/verify/verify-cms';

function raw(b: asn1js.BaseBlock): Uint8Array {
  return new Uint8Array(b.valueBeforeDecodeView);
}

export function cmsPartsInMemory(
  der: Uint8Array,
  detachedContent?: Uint8Array,
): CmsParts & { eContent?: Uint8Array } {
  const ab = new Uint8Array(der).buffer;
  const r = asn1js.fromBER(ab);
  if (r.offset === -1) throw new Error(r.result.error);
  const ci = r.result as asn1js.Sequence;
  const sd = (ci.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
  const items = sd.valueBlock.value;
  const encap = items[2] as asn1js.Sequence;
  const eContentType = (encap.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
  const wrapped = encap.valueBlock.value[1] as asn1js.Constructed | undefined;
  let eContent: Uint8Array | undefined;
  if (wrapped) {
    const os = wrapped.valueBlock.value[0] as asn1js.OctetString;
    eContent = new Uint8Array(os.getValue());
  }
  const content = detachedContent ?? eContent;
  const certificates: Uint8Array[] = [];
  let signerInfos: Uint8Array[] = [];
  for (const it of items.slice(3)) {
    if (it.idBlock.tagClass === 3 && it.idBlock.tagNumber === 0) {
      for (const c of (it as asn1js.Constructed).valueBlock.value) certificates.push(raw(c));
    } else if (it instanceof asn1js.Set) {
      signerInfos = it.valueBlock.value.map(raw);
    }
  }
  return {
    eContentType,
    certificates,
    signerInfos,
    eContent,
    contentDigest: (h: HashName) => (content ? createHash(h).update(content).digest() : undefined),
  };
}
