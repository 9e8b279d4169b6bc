/**
 * Test helper: hostile SignedData files made from one good openssl p7m by rebuilding its DER with more signers,
 * certificates, CRLs, unsigned attributes, counter-signature chains or nesting levels than any real file has.
 */
import { bytesOf, children, readElement, type Element } from '../../../electron/core/cms/der-parse';
import {
  concat,
  contextConstructed,
  octetString,
  oid,
  retag,
  sequence,
  tlv,
} from '../../../electron/core/cms/der';
import { OID } from '../../../electron/core/cms/oids';

export interface SignedDataParts {
  version: Uint8Array;
  digestAlgorithms: Uint8Array;
  encap: Uint8Array;
  certificates: Uint8Array[];
  crls: Uint8Array[];
  signerInfos: Uint8Array[];
  /** written instead of the [0] certificates field when set (e.g. a hand-made BER encoding) */
  rawCertificates?: Uint8Array;
}

/** the parts of a DER ContentInfo(SignedData) */
export function splitSignedData(der: Uint8Array): SignedDataParts {
  const ci = readElement(der, 0);
  const [, explicit] = children(der, ci);
  const [sd] = children(der, explicit!);
  const items = children(der, sd!);
  const inner = (e: Element | undefined) => (e ? children(der, e).map((c) => bytesOf(der, c)) : []);
  return {
    version: bytesOf(der, items[0]!),
    digestAlgorithms: bytesOf(der, items[1]!),
    encap: bytesOf(der, items[2]!),
    certificates: inner(items.slice(3).find((e) => e.tag === 0xa0)),
    crls: inner(items.slice(3).find((e) => e.tag === 0xa1)),
    signerInfos: inner(items.slice(3).find((e) => e.tag === 0x31)),
  };
}

export function joinSignedData(p: SignedDataParts): Uint8Array {
  const sd = sequence(
    p.version,
    p.digestAlgorithms,
    p.encap,
    ...(p.rawCertificates ? [p.rawCertificates] : []),
    ...(p.certificates.length && !p.rawCertificates ? [contextConstructed(0, ...p.certificates)] : []),
    ...(p.crls.length ? [contextConstructed(1, ...p.crls)] : []),
    tlv(0x31, ...p.signerInfos),
  );
  return sequence(oid(OID.signedData), contextConstructed(0, sd));
}

const COUNTER_SIGNATURE = '1.2.840.113549.1.9.6';

/** a SignerInfo with these Attribute SEQUENCEs as its unsigned attributes (replacing any) */
export function withUnsigned(si: Uint8Array, attributes: Uint8Array[]): Uint8Array {
  const top = readElement(si, 0);
  const fields = children(si, top)
    .filter((e) => e.tag !== 0xa1)
    .map((e) => bytesOf(si, e));
  return sequence(...fields, retag(tlv(0x31, ...attributes), 0xa1));
}

export const counterSignatureAttr = (...signerInfos: Uint8Array[]): Uint8Array =>
  sequence(oid(COUNTER_SIGNATURE), tlv(0x31, ...signerInfos));

/** `si` counter-signed by a copy of itself, `depth` levels deep */
export function counterChain(si: Uint8Array, depth: number): Uint8Array {
  let cur = si;
  for (let i = 0; i < depth; i++) cur = withUnsigned(si, [counterSignatureAttr(cur)]);
  return cur;
}

/** a SignedData whose eContent is `inner` (a nested p7m), signed by `parts`' signers (not over `inner`) */
export function wrapIn(parts: SignedDataParts, inner: Uint8Array): Uint8Array {
  const encap = sequence(oid(OID.data), contextConstructed(0, octetString(inner)));
  return joinSignedData({ ...parts, encap });
}

/** a [0] certificates field of `depth` indefinite-length SEQUENCEs inside one another */
export function deepIndefinite(depth: number): Uint8Array {
  const open = Buffer.alloc(depth * 2);
  for (let i = 0; i < depth; i++) open.set([0x30, 0x80], i * 2);
  return concat([Uint8Array.of(0xa0, 0x80), open, new Uint8Array(depth * 2 + 2)]);
}
