/** The certificate extensions Sigillo shows, read from their DER values with the light walker. */
import { children, decodeOid, readElement, valueOf, type Element } from '../cms/der-parse';
import { bitStringBytes } from './der-certificate';
import type { QcInfo } from './cert-info-types';
import { EKU_NAMES, KEY_USAGE_BITS, OID, QC_TYPE_NAMES } from './oids';
import { hex } from '../cms/bytes';

export interface ExtensionFacts {
  keyUsage: string[];
  extendedKeyUsage: string[];
  policies: string[];
  qc: QcInfo;
  isCA: boolean;
  crlDistributionPoints: string[];
  ocspUrls: string[];
  caIssuersUrls: string[];
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
}

/** GeneralName uniformResourceIdentifier [6] IA5String */
const URI_NAME = 0x86;

/** An extension value's top element and its children; undefined when absent or unreadable. */
function top(
  value: Uint8Array | undefined,
): { v: Uint8Array; e: Element; kids: () => Element[] } | undefined {
  if (!value) return undefined;
  try {
    const e = readElement(value, 0);
    return { v: value, e, kids: () => children(value, e) };
  } catch {
    return undefined;
  }
}

/** Runs a reader over a malformed value without failing the whole certificate (pkijs left such values unparsed). */
function lenient<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function oids(v: Uint8Array, list: Element[]): string[] {
  return list.filter((e) => e.tag === 0x06).map((e) => decodeOid(valueOf(v, e)));
}

function keyUsageNames(value: Uint8Array | undefined): string[] {
  const t = top(value);
  if (!t || t.e.tag !== 0x03) return [];
  const bytes = bitStringBytes(t.v, t.e);
  return KEY_USAGE_BITS.filter((_, i) => ((bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

function uris(v: Uint8Array, names: Element[]): string[] {
  return names.filter((n) => n.tag === URI_NAME).map((n) => Buffer.from(valueOf(v, n)).toString('latin1'));
}

/** DistributionPoint ::= SEQUENCE { distributionPoint [0] { fullName [0] GeneralNames | … }, … } */
function crlUrls(value: Uint8Array | undefined): string[] {
  const t = top(value);
  if (!t) return [];
  return t.kids().flatMap((dp) => {
    const name = children(t.v, dp).find((e) => e.tag === 0xa0);
    const full = name ? children(t.v, name).find((e) => e.tag === 0xa0) : undefined;
    return full ? uris(t.v, children(t.v, full)) : [];
  });
}

/** AccessDescription ::= SEQUENCE { accessMethod OID, accessLocation GeneralName } */
function accessUrls(value: Uint8Array | undefined, method: string): string[] {
  const t = top(value);
  if (!t) return [];
  return t.kids().flatMap((ad) => {
    const [m, location] = children(t.v, ad);
    return m?.tag === 0x06 && decodeOid(valueOf(t.v, m)) === method && location ? uris(t.v, [location]) : [];
  });
}

function qcInfo(value: Uint8Array | undefined): QcInfo {
  const t = top(value);
  const statements: { id: string; info?: Element }[] = t
    ? t.kids().map((s) => {
        const [id, info] = children(t.v, s);
        if (id?.tag !== 0x06) throw new RangeError('QCStatement expected');
        return { id: decodeOid(valueOf(t.v, id)), info };
      })
    : [];
  const ids = statements.map((s) => s.id);
  const typeInfo = statements.find((s) => s.id === OID.qcType)?.info;
  const types =
    t && typeInfo?.tag === 0x30 ? oids(t.v, children(t.v, typeInfo)).map((o) => QC_TYPE_NAMES[o] ?? o) : [];
  return {
    present: value !== undefined,
    compliance: ids.includes(OID.qcCompliance),
    sscd: ids.includes(OID.qcSscd),
    types,
    statements: ids,
  };
}

function keyId(value: Uint8Array | undefined, tag: number, inSequence: boolean): string | undefined {
  const t = top(value);
  if (!t) return undefined;
  const e = inSequence ? t.kids().find((k) => k.tag === tag) : t.e.tag === tag ? t.e : undefined;
  return e ? hex(valueOf(t.v, e)) : undefined;
}

export function extensionFacts(exts: Map<string, Uint8Array>): ExtensionFacts {
  /** the OIDs that start each element of a SEQUENCE OF extension (EKU: the elements themselves) */
  const oidList = (oid: string, firstOfEach: boolean): string[] =>
    lenient(() => {
      const t = top(exts.get(oid));
      if (!t) return [];
      return firstOfEach
        ? t.kids().flatMap((k) => oids(t.v, children(t.v, k).slice(0, 1)))
        : oids(t.v, t.kids());
    }, []);
  const bc = top(exts.get(OID.basicConstraints));
  const facts: ExtensionFacts = {
    keyUsage: lenient(() => keyUsageNames(exts.get(OID.keyUsage)), []),
    extendedKeyUsage: oidList(OID.extKeyUsage, false).map((p) => EKU_NAMES[p] ?? p),
    policies: oidList(OID.certificatePolicies, true),
    qc: lenient(() => qcInfo(exts.get(OID.qcStatements)), qcInfo(undefined)),
    isCA: lenient(() => {
      const first = bc?.kids()[0];
      return Boolean(bc && first?.tag === 0x01 && (bc.v[first.valueStart] ?? 0) !== 0);
    }, false),
    crlDistributionPoints: lenient(() => crlUrls(exts.get(OID.crlDistributionPoints)), []),
    ocspUrls: lenient(() => accessUrls(exts.get(OID.authorityInfoAccess), OID.ocsp), []),
    caIssuersUrls: lenient(() => accessUrls(exts.get(OID.authorityInfoAccess), OID.caIssuers), []),
  };
  const ski = lenient(() => keyId(exts.get(OID.subjectKeyIdentifier), 0x04, false), undefined);
  const aki = lenient(() => keyId(exts.get(OID.authorityKeyIdentifier), 0x80, true), undefined);
  if (ski) facts.subjectKeyIdentifier = ski;
  if (aki) facts.authorityKeyIdentifier = aki;
  return facts;
}
