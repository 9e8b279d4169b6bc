/** Distinguished names (DER) → NameInfo, and the Italian fiscal code found in a subject. */
import { bytesOf, children, decodeOid, readElement, valueOf, type Element } from '../cms/der-parse';
import type { NameInfo, SubjectInfo } from './cert-info-types';
import { ATTRIBUTE_NAMES, OID } from './oids';
import { hex } from '../cms/bytes';

/** A directory string as text (X.520 string types); anything else as `#` + the hex of its encoding (RFC 4514). */
function attributeValue(buf: Uint8Array, e: Element): string {
  const v = Buffer.from(valueOf(buf, e));
  switch (e.tag) {
    case 0x0c: // UTF8String
      return v.toString('utf8');
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x14: // TeletexString (as ISO 8859-1, like asn1js)
    case 0x16: // IA5String
    case 0x1a: // VisibleString
      return v.toString('latin1');
    case 0x1e: // BMPString, UTF-16BE
      return Buffer.from(v).swap16().toString('utf16le');
    case 0x1c: {
      // UniversalString, UTF-32BE
      let out = '';
      for (let i = 0; i + 3 < v.length; i += 4) out += String.fromCodePoint(v.readUInt32BE(i));
      return out;
    }
    default:
      return '#' + hex(bytesOf(buf, e));
  }
}

/** The (type, value) pairs of a DER Name, in order. */
function typesAndValues(name: Uint8Array): { type: string; value: string }[] {
  const top = readElement(name, 0);
  return children(name, top).flatMap((rdn) =>
    children(name, rdn).map((atv) => {
      const [type, value] = children(name, atv);
      if (type?.tag !== 0x06 || !value) throw new RangeError('AttributeTypeAndValue expected');
      return { type: decodeOid(valueOf(name, type)), value: attributeValue(name, value) };
    }),
  );
}

function escapeDnValue(v: string): string {
  return v
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** NameInfo from a DER Name; the one-line form lists the most specific attribute first (RFC 4514 order). */
export function nameInfo(name: Uint8Array): NameInfo {
  const info: NameInfo = { dn: '' };
  const parts: string[] = [];
  for (const tv of typesAndValues(name)) {
    const value = tv.value;
    parts.push(`${ATTRIBUTE_NAMES[tv.type] ?? tv.type}=${escapeDnValue(value)}`);
    setField(info, tv.type, value);
  }
  info.dn = parts.reverse().join(', ');
  return info;
}

function setField(info: NameInfo, type: string, value: string): void {
  const fields: Record<string, keyof Omit<NameInfo, 'dn'>> = {
    [OID.commonName]: 'commonName',
    [OID.givenName]: 'givenName',
    [OID.surname]: 'surname',
    [OID.organization]: 'organization',
    [OID.organizationalUnit]: 'organizationalUnit',
    [OID.country]: 'country',
    [OID.serialNumber]: 'serialNumber',
  };
  const key = fields[type];
  if (key && info[key] === undefined) info[key] = value;
}

const PERSON_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const COMPANY_CODE = /^[0-9]{11}$/;

function isFiscalCode(s: string): boolean {
  return PERSON_CODE.test(s) || COMPANY_CODE.test(s);
}

/**
 * The fiscal code in a subject: serialNumber `TINIT-XXXXXXXXXXXXXXXX` (ETSI EN 319 412-1) or the older `IT:XXXX…`,
 * upper-cased; else an old-style CNS common name `CODICEFISCALE/…`.
 */
export function fiscalCodeOf(name: NameInfo): string | undefined {
  const m = /^\s*(?:TINIT-|TIN:IT-|IT:|IT-)\s*([A-Za-z0-9]{11,16})\s*$/i.exec(name.serialNumber ?? '');
  if (m?.[1] && isFiscalCode(m[1].toUpperCase())) return m[1].toUpperCase();
  const cn = /^([A-Za-z0-9]{16})\//.exec(name.commonName ?? '');
  if (cn?.[1] && isFiscalCode(cn[1].toUpperCase())) return cn[1].toUpperCase();
  return undefined;
}

export function subjectInfo(name: Uint8Array): SubjectInfo {
  const info: SubjectInfo = nameInfo(name);
  const fiscalCode = fiscalCodeOf(info);
  if (fiscalCode) info.fiscalCode = fiscalCode;
  return info;
}
