/**
 * DER encoding primitives (X.690): tag + minimal definite length + content. Values are Uint8Array; builders
 * concatenate. SET OF is sorted as DER requires; times follow RFC 5280 (UTCTime up to 2049, then GeneralizedTime).
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  UTF8_STRING: 0x0c,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** The bytes of a definite length (short form under 128, else long form with the fewest bytes). */
export function encodeLength(length: number): Uint8Array {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`bad DER length ${length}`);
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Just the header (tag + length) of an element whose content is `length` bytes long. */
export function header(tag: number, length: number): Uint8Array {
  return concat([Uint8Array.of(tag), encodeLength(length)]);
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const value = concat(content);
  return concat([header(tag, value.length), value]);
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(TAG.SEQUENCE, ...items);

/** DER order of SET OF elements: as octet strings, a shorter one padded with zeros at the end. */
export function compareDer(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** SET OF: elements sorted in DER order. */
export function setOf(items: readonly Uint8Array[]): Uint8Array {
  return tlv(TAG.SET, ...[...items].sort(compareDer));
}

/** `[n]` context-specific constructed (EXPLICIT tagging, or IMPLICIT for a constructed type). */
export function contextConstructed(n: number, ...content: Uint8Array[]): Uint8Array {
  return tlv(0xa0 | n, ...content);
}

/** Replaces the tag byte of an encoded element (IMPLICIT tagging of an already-encoded value). */
export function retag(encoded: Uint8Array, tag: number): Uint8Array {
  const out = Uint8Array.from(encoded);
  out[0] = tag;
  return out;
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((s) => BigInt(s));
  if (arcs.length < 2) throw new RangeError(`bad OID ${dotted}`);
  const [first, second, ...rest] = arcs as [bigint, bigint, ...bigint[]];
  const bytes: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const group: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) group.unshift(Number(v & 0x7fn) | 0x80);
    bytes.push(...group);
  }
  return tlv(TAG.OID, Uint8Array.from(bytes));
}

/** INTEGER from a non-negative number / bigint (minimal two's complement). */
export function integer(value: number | bigint): Uint8Array {
  let v = BigInt(value);
  if (v < 0n) throw new RangeError('negative INTEGER not supported');
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return tlv(TAG.INTEGER, Uint8Array.from(bytes));
}

export const octetString = (bytes: Uint8Array): Uint8Array => tlv(TAG.OCTET_STRING, bytes);

export const NULL_VALUE: Uint8Array = Uint8Array.of(TAG.NULL, 0);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Time per RFC 5280 §4.1.2.5: UTCTime YYMMDDHHMMSSZ for 1950–2049, GeneralizedTime YYYYMMDDHHMMSSZ after. */
export function time(date: Date): Uint8Array {
  const y = date.getUTCFullYear();
  const rest =
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z';
  const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  if (y >= 1950 && y < 2050) return tlv(TAG.UTC_TIME, ascii(pad(y % 100) + rest));
  return tlv(TAG.GENERALIZED_TIME, ascii(pad(y, 4) + rest));
}
