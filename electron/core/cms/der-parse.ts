/**
 * In-memory BER/DER element walker for the small parts (certificates, signer infos, attributes). Indefinite
 * lengths are accepted. Throws RangeError on malformed input; callers turn that into a SigilloError.
 */

export interface Element {
  /** first tag byte (class + constructed bit + number when < 31) */
  tag: number;
  /** full tag number (also for multi-byte tags) */
  tagNumber: number;
  tagClass: number;
  constructed: boolean;
  /** offset of the first tag byte */
  start: number;
  /** offset of the first value byte */
  valueStart: number;
  /** offset just past the value (before end-of-contents for indefinite lengths) */
  valueEnd: number;
  /** offset just past the whole element */
  end: number;
  indefinite: boolean;
}

const MAX_DEPTH = 64;

export function readElement(buf: Uint8Array, offset: number, end = buf.length, depth = 0): Element {
  if (depth > MAX_DEPTH) throw new RangeError('nesting too deep');
  // bytes read inline, without a closure per call: a batch walks a few hundred elements per file
  let p = offset;
  if (p >= end) throw new RangeError('truncated');
  const tag = buf[p++] as number;
  let tagNumber = tag & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let n = 0; ; n++) {
      if (p >= end) throw new RangeError('truncated');
      const b = buf[p++] as number;
      if (n > 4) throw new RangeError('tag too long');
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if (!(b & 0x80)) break;
    }
  }
  const constructed = (tag & 0x20) !== 0;
  if (p >= end) throw new RangeError('truncated');
  const first = buf[p++] as number;
  if (first === 0x80) {
    if (!constructed) throw new RangeError('indefinite primitive');
    const valueStart = p;
    let q = valueStart;
    for (;;) {
      if (q + 1 < end && buf[q] === 0 && buf[q + 1] === 0) break;
      q = readElement(buf, q, end, depth + 1).end;
    }
    return elem(tag, tagNumber, constructed, offset, valueStart, q, q + 2, true);
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 6) throw new RangeError('length too long');
    length = 0;
    for (let i = 0; i < n; i++) {
      if (p >= end) throw new RangeError('truncated');
      length = length * 256 + (buf[p++] as number);
    }
  }
  if (p + length > end) throw new RangeError('truncated');
  return elem(tag, tagNumber, constructed, offset, p, p + length, p + length, false);
}

function elem(
  tag: number,
  tagNumber: number,
  constructed: boolean,
  start: number,
  valueStart: number,
  valueEnd: number,
  end: number,
  indefinite: boolean,
): Element {
  return { tag, tagNumber, tagClass: tag & 0xc0, constructed, start, valueStart, valueEnd, end, indefinite };
}

/** The children of a constructed element. */
export function children(buf: Uint8Array, parent: Element): Element[] {
  const out: Element[] = [];
  for (let p = parent.valueStart; p < parent.valueEnd;) {
    const e = readElement(buf, p, parent.valueEnd);
    out.push(e);
    p = e.end;
  }
  return out;
}

export const bytesOf = (buf: Uint8Array, e: Element): Uint8Array => buf.subarray(e.start, e.end);
export const valueOf = (buf: Uint8Array, e: Element): Uint8Array => buf.subarray(e.valueStart, e.valueEnd);

/** a small direct-mapped memo of decoded OIDs: slot by a hash of the content octets, hit only on equal octets */
const OID_SLOTS = 512;
const oidSlots: ({ octets: Uint8Array; oid: string } | undefined)[] = new Array(OID_SLOTS).fill(undefined);

function sameOctets(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** OID content octets → dotted string; arcs of any size (bigint), the common short ones memoised */
export function decodeOid(value: Uint8Array): string {
  if (value.length > 32) return decodeOidArcs(value);
  let h = 0x811c9dc5; // FNV-1a, no string or Buffer made per lookup
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ (value[i] as number), 0x01000193);
  const slot = (h ^ (h >>> 16)) & (OID_SLOTS - 1);
  const hit = oidSlots[slot];
  if (hit && sameOctets(hit.octets, value)) return hit.oid;
  const oid = decodeOidArcs(value);
  oidSlots[slot] = { octets: Uint8Array.from(value), oid }; // a copy: `value` may view a reused buffer
  return oid;
}

/** the plain decoding (no memo) */
export function decodeOidArcs(value: Uint8Array): string {
  const arcs: bigint[] = [];
  let v = 0n;
  for (const b of value) {
    v = (v << 7n) | BigInt(b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0n;
    }
  }
  const first = arcs.shift();
  if (first === undefined) throw new RangeError('empty OID');
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...arcs].join('.');
}

export function decodeSmallInteger(value: Uint8Array): number {
  if (value.length === 0 || value.length > 6) throw new RangeError('bad small INTEGER');
  let n = 0;
  for (const b of value) n = n * 256 + b;
  return n;
}
