/** Distinguished names → NameInfo, and the Italian fiscal code found in a subject. */
import type * as pkijs from 'pkijs';
import type { NameInfo, SubjectInfo } from './cert-info-types';
import { ATTRIBUTE_NAMES, OID } from './oids';
import { toHex } from './hex';

interface StringBlock {
  valueBlock?: { value?: unknown };
}

function attributeValue(value: unknown): string {
  const v = (value as StringBlock | undefined)?.valueBlock?.value;
  if (typeof v === 'string') return v;
  const ber = (value as { toBER?: () => ArrayBuffer } | undefined)?.toBER?.();
  return ber ? '#' + toHex(new Uint8Array(ber)) : '';
}

function escapeDnValue(v: string): string {
  return v
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** NameInfo from a pkijs name; the one-line form lists the most specific attribute first (RFC 4514 order). */
export function nameInfo(name: pkijs.RelativeDistinguishedNames): NameInfo {
  const info: NameInfo = { dn: '' };
  const parts: string[] = [];
  for (const tv of name.typesAndValues) {
    const value = attributeValue(tv.value);
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

export function subjectInfo(name: pkijs.RelativeDistinguishedNames): SubjectInfo {
  const info: SubjectInfo = nameInfo(name);
  const fiscalCode = fiscalCodeOf(info);
  if (fiscalCode) info.fiscalCode = fiscalCode;
  return info;
}
