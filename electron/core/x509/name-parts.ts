/**
 * A Name's attributes as `type=value` strings prepared for comparison — the same strings `nameParts` of
 * certificates.ts makes with pkijs (RFC 5280 §7.1 approximated: whitespace collapsed, lower case), read with the
 * light DER walker so that signing does not load pkijs. Only the encodings whose pkijs reading is known exactly are
 * read here (DER lengths, the common string types, short OIDs); anything else gives undefined and the caller
 * asks pkijs (test/x509/name-parts.test.ts compares both).
 */
import { children, decodeOid, readElement, valueOf, type Element } from '../cms/der-parse';

/** pkijs's stringPrep: trimmed, runs of spaces made one, lower case */
export function stringPrep(input: string): string {
  let out = '';
  let space = false;
  const s = input.trim();
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 32) space = true;
    else {
      if (space) out += ' ';
      space = false;
      out += s[i];
    }
  }
  return out.toLowerCase();
}

const BYTE_STRINGS = new Set([
  0x12, // NumericString
  0x13, // PrintableString
  0x14, // TeletexString
  0x16, // IA5String
  0x1a, // VisibleString
]);
const UTF8 = 0x0c;
const BMP = 0x1e;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** asn1js's text of a string value, for the types read here; undefined for the others */
function text(v: Uint8Array, tag: number): string | undefined {
  if (BYTE_STRINGS.has(tag)) return Buffer.from(v).toString('latin1');
  if (tag === UTF8) {
    if (v.every((b) => b < 0x80)) return Buffer.from(v).toString('latin1');
    try {
      return utf8.decode(v);
    } catch {
      return undefined; // pkijs falls back to the raw bytes: not mirrored here
    }
  }
  if (tag === BMP && v.length % 2 === 0) {
    let s = '';
    for (let i = 0; i < v.length; i += 2)
      s += String.fromCharCode(((v[i] as number) << 8) | (v[i + 1] as number));
    return s;
  }
  return undefined;
}

/** short OIDs with minimal sub-identifiers only (asn1js and decodeOid read those alike) */
function shortOid(v: Uint8Array): string | undefined {
  if (v.length === 0 || v.length > 16 || (v[v.length - 1] as number) & 0x80) return undefined;
  let run = 0;
  for (let i = 0; i < v.length; i++) {
    const b = v[i] as number;
    if (run === 0 && b === 0x80) return undefined;
    run = b & 0x80 ? run + 1 : 0;
    if (run > 3) return undefined;
  }
  return decodeOid(v);
}

const definite = (e: Element, tag: number): boolean => e.tag === tag && !e.indefinite;

/** The `type=value` parts of a DER Name (SEQUENCE OF SET OF AttributeTypeAndValue), or undefined. */
export function namePartsOf(name: Uint8Array): string[] | undefined {
  try {
    const top = readElement(name, 0);
    if (!definite(top, 0x30) || top.end !== name.length) return undefined;
    const parts: string[] = [];
    const rdns = children(name, top);
    if (rdns.length === 0) return undefined;
    for (const rdn of rdns) {
      if (!definite(rdn, 0x31)) return undefined;
      const avas = children(name, rdn);
      if (avas.length === 0) return undefined;
      for (const ava of avas) {
        if (!definite(ava, 0x30)) return undefined;
        const [type, value, extra] = children(name, ava);
        if (!type || !value || extra || !definite(type, 0x06) || value.indefinite) return undefined;
        const oid = shortOid(valueOf(name, type));
        const s = text(valueOf(name, value), value.tag);
        if (oid === undefined || s === undefined) return undefined;
        parts.push(`${oid}=${stringPrep(s)}`);
      }
    }
    return parts;
  } catch {
    return undefined;
  }
}
