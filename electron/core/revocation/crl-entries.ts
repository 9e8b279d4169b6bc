/**
 * The revokedCertificates of a CRL (RFC 5280 §5.1.2.6) read by a walk over its DER, one entry at a time, without
 * a decoded object per entry: a qualified CA's CRL has tens of thousands of entries (megabytes), which asn1js
 * refuses past 10 000 nodes and, with the limit raised, holds as hundreds of MB of objects. The rest of the CRL
 * (issuer, times, CRL extensions, signature) is small: `splitCrl` gives it without the list, for pkijs, and the
 * original TBS bytes, which the signature covers.
 * Malformed input throws RangeError (the caller's CRL is then unusable).
 */
import { concat, header, TAG } from '../cms/der';
import { decodeOid, readElement, valueOf, type Element } from '../cms/der-parse';
import { derTime } from '../cms/der-time';

const isTime = (e: Element | undefined): boolean => e?.tag === 0x17 || e?.tag === 0x18;
const { BOOLEAN, ENUMERATED, INTEGER, OCTET_STRING, OID, SEQUENCE } = TAG;
/** crlExtensions [0] EXPLICIT */
const CRL_EXTENSIONS = 0xa0;
/** reasonCode (§5.3.1) */
const REASON_CODE = '2.5.29.21';

export interface CrlParts {
  /** the tbsCertList as found (what the signature covers) */
  tbs: Uint8Array;
  /** the whole CRL with its revokedCertificates left out (a view of the input when it has none) */
  withoutEntries: Uint8Array;
  /** revokedCertificates, when present: an element of the input */
  entries?: Element;
}

/** The CRL cut in the parts above: CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signature }. */
export function splitCrl(data: Uint8Array): CrlParts {
  const top = readElement(data, 0);
  if (top.tag !== SEQUENCE) throw new RangeError('CRL: not a SEQUENCE');
  const tbs = readElement(data, top.valueStart, top.valueEnd);
  if (tbs.tag !== SEQUENCE) throw new RangeError('CRL: tbsCertList not a SEQUENCE');
  // the first fields only (a list of a million tiny elements after them is pkijs's to refuse, not an array here)
  const fields: Element[] = [];
  for (let p = tbs.valueStart; p < tbs.valueEnd && fields.length < 7;) {
    const f = readElement(data, p, tbs.valueEnd);
    fields.push(f);
    p = f.end;
  }
  // [version] signature issuer thisUpdate [nextUpdate] [revokedCertificates] [crlExtensions]
  const at = fields[0]?.tag === INTEGER ? 3 : 2;
  if (!isTime(fields[at])) throw new RangeError('CRL: no thisUpdate');
  const next = isTime(fields[at + 1]) ? at + 2 : at + 1;
  // after the times: [revokedCertificates] [crlExtensions [0]] and nothing else (RFC 5280 §5.1) — a second list
  // after an empty one would be pkijs's revokedCertificates while the walk read the empty one
  const rest: Element[] = [];
  for (let p = fields[next]?.start ?? tbs.valueEnd; p < tbs.valueEnd;) {
    if (rest.length === 2) throw new RangeError('CRL: elements after the extensions');
    const f = readElement(data, p, tbs.valueEnd);
    rest.push(f);
    p = f.end;
  }
  const shape = rest.map((f) => f.tag).join(',');
  const [S, X] = [String(SEQUENCE), String(CRL_EXTENSIONS)];
  if (!['', S, X, `${S},${X}`].includes(shape)) throw new RangeError('CRL: unexpected tbsCertList fields');
  const entries = rest[0]?.tag === SEQUENCE ? rest[0] : undefined;
  const tbsBytes = data.subarray(tbs.start, tbs.end);
  if (!entries) return { tbs: tbsBytes, withoutEntries: data.subarray(top.start, top.end) };
  const tbsContent = [data.subarray(tbs.valueStart, entries.start), data.subarray(entries.end, tbs.valueEnd)];
  const tbsLength = tbsContent[0]!.length + tbsContent[1]!.length;
  const tail = data.subarray(tbs.end, top.valueEnd);
  const newTbs = concat([header(SEQUENCE, tbsLength), ...tbsContent]);
  const withoutEntries = concat([header(SEQUENCE, newTbs.length + tail.length), newTbs, tail]);
  return { tbs: tbsBytes, withoutEntries, entries };
}

/**
 * Each entry of the list checked — SEQUENCE { userCertificate INTEGER, revocationDate Time, crlEntryExtensions
 * SEQUENCE OF Extension OPTIONAL } — and `visit` called with its serial, date and extensions. Stops when `visit`
 * returns true.
 */
function walk(
  buf: Uint8Array,
  list: Element,
  visit: (serial: Element, date: Element, extensions: Element | undefined) => boolean,
): void {
  for (let p = list.valueStart; p < list.valueEnd;) {
    const entry = readElement(buf, p, list.valueEnd);
    p = entry.end;
    if (entry.tag !== SEQUENCE) throw new RangeError('CRL entry: not a SEQUENCE');
    const serial = readElement(buf, entry.valueStart, entry.valueEnd);
    if (serial.tag !== INTEGER || serial.valueEnd === serial.valueStart)
      throw new RangeError('CRL entry: bad userCertificate');
    const date = readElement(buf, serial.end, entry.valueEnd);
    if (!isTime(date)) throw new RangeError('CRL entry: bad revocationDate');
    let extensions: Element | undefined;
    if (date.end < entry.valueEnd) {
      extensions = readElement(buf, date.end, entry.valueEnd);
      if (extensions.tag !== SEQUENCE || extensions.end !== entry.valueEnd)
        throw new RangeError('CRL entry: bad crlEntryExtensions');
    }
    if (visit(serial, date, extensions)) return;
  }
}

/** Each Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } of the list. */
function eachExtension(
  buf: Uint8Array,
  list: Element,
  visit: (id: Element, critical: boolean, value: Element) => void,
): void {
  for (let p = list.valueStart; p < list.valueEnd;) {
    const ext = readElement(buf, p, list.valueEnd);
    p = ext.end;
    if (ext.tag !== SEQUENCE) throw new RangeError('CRL entry extension: not a SEQUENCE');
    const id = readElement(buf, ext.valueStart, ext.valueEnd);
    if (id.tag !== OID) throw new RangeError('CRL entry extension: no extnID');
    let value = readElement(buf, id.end, ext.valueEnd);
    let critical = false;
    if (value.tag === BOOLEAN) {
      for (let i = value.valueStart; i < value.valueEnd; i++) if (buf[i] !== 0) critical = true;
      value = readElement(buf, value.end, ext.valueEnd);
    }
    if (value.tag !== OCTET_STRING || value.end !== ext.valueEnd)
      throw new RangeError('CRL entry extension: bad extnValue');
    visit(id, critical, value);
  }
}

/**
 * Every entry well formed, with a valid revocation date, and none with a critical extension outside `known`
 * (RFC 5280 §5.3: such a CRL cannot be used). Throws RangeError on a malformed entry.
 */
export function entriesComplete(buf: Uint8Array, list: Element, known: ReadonlySet<string>): boolean {
  let complete = true;
  walk(buf, list, (_serial, date, extensions) => {
    if (!derTime(date.tag, valueOf(buf, date))) throw new RangeError('CRL entry: bad revocationDate');
    if (extensions)
      eachExtension(buf, extensions, (id, critical) => {
        if (critical && !known.has(decodeOid(valueOf(buf, id)))) complete = false;
      });
    return !complete;
  });
  return complete;
}

/** the INTEGER contents from `start` to `end` equal `serial`, both without leading zero octets */
function sameSerial(buf: Uint8Array, start: number, end: number, serial: Uint8Array): boolean {
  while (end - start > 1 && buf[start] === 0) start++;
  let s = 0;
  while (serial.length - s > 1 && serial[s] === 0) s++;
  if (end - start !== serial.length - s) return false;
  for (let i = 0; start + i < end; i++) if (buf[start + i] !== serial[s + i]) return false;
  return true;
}

export interface RevokedEntry {
  revocationDate: Date;
  /** the reasonCode (§5.3.1), when the entry has a readable one */
  reason?: number;
}

/** The first entry for the certificate serial `serial` (INTEGER contents), if any. */
export function findEntry(buf: Uint8Array, list: Element, serial: Uint8Array): RevokedEntry | undefined {
  let found: RevokedEntry | undefined;
  walk(buf, list, (s, date, extensions) => {
    if (!sameSerial(buf, s.valueStart, s.valueEnd, serial)) return false;
    const revocationDate = derTime(date.tag, valueOf(buf, date));
    if (!revocationDate) throw new RangeError('CRL entry: bad revocationDate');
    found = { revocationDate };
    if (extensions)
      eachExtension(buf, extensions, (id, _critical, value) => {
        if (found && found.reason === undefined && decodeOid(valueOf(buf, id)) === REASON_CODE)
          found.reason = reasonCode(buf, value);
      });
    return true;
  });
  return found;
}

/** the ENUMERATED inside a reasonCode extnValue; undefined when it is not one */
function reasonCode(buf: Uint8Array, value: Element): number | undefined {
  try {
    const e = readElement(buf, value.valueStart, value.valueEnd);
    if (e.tag !== ENUMERATED || e.end !== value.valueEnd || e.valueEnd - e.valueStart !== 1) return undefined;
    const code = buf[e.valueStart] as number;
    return code < 0x80 ? code : undefined;
  } catch {
    return undefined;
  }
}
