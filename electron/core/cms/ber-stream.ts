/**
 * BER/DER TLV parsing over a ByteSource: headers with definite or indefinite lengths, whole small elements
 * captured as bytes (within a size budget), OCTET STRING contents (primitive or constructed, as
 * `openssl cms -stream` writes them) streamed out, and containers whose end is a length or end-of-contents.
 */
import type { ByteSource } from './byte-source';
import { malformed, tooLarge } from './reader-errors';
import { CMS_LIMITS, nestingTooDeep } from './limits';

export const MAX_DEPTH = CMS_LIMITS.berNesting;

export interface Header {
  /** first tag byte */
  tag: number;
  constructed: boolean;
  /** null: indefinite */
  length: number | null;
  bytes: Uint8Array;
}

export interface Container {
  /** absolute end position; null for indefinite length (ends at end-of-contents) */
  end: number | null;
  /** set once the end-of-contents of an indefinite container has been read */
  closed?: boolean;
}

/**
 * Real signatures have a few dozen elements outside the content (certificates, CRLs, signer infos); a file
 * with millions of tiny ones would take seconds of parsing and hold millions of objects.
 */
export const MAX_ELEMENTS = 10_000;

/**
 * Limits what may be held in memory: the bytes of every captured element count against it, and the number
 * of elements captured or skipped outside the content against MAX_ELEMENTS.
 */
export class Budget {
  used = 0;
  elements = 0;
  constructor(readonly limit: number) {}
  take(n: number): void {
    this.used += n;
    if (this.used > this.limit) throw tooLarge(this.limit);
  }
  countElement(): void {
    if (++this.elements > MAX_ELEMENTS) throw malformed(`more than ${MAX_ELEMENTS} elements`);
  }
}

export interface BerState {
  src: ByteSource;
  budget: Budget;
  /** set when any indefinite length was seen (the input is BER, not DER) */
  sawIndefinite: boolean;
}

/**
 * The header parsed from the bytes already buffered, without awaiting (a BER content of 4 KiB fragments has a
 * header every 4 KiB); undefined, nothing consumed, when the header runs past them or is bad, for readHeader's
 * byte-by-byte path to read or refuse it exactly as before.
 */
export function headerNow(st: BerState): Header | undefined {
  const b = st.src.buffered();
  if (b.length < 2) return undefined;
  const tag = b[0] as number;
  let i = 1;
  if ((tag & 0x1f) === 0x1f) {
    for (let n = 0; ; n++) {
      if (i >= b.length || n > 3) return undefined;
      if (!((b[i++] as number) & 0x80)) break;
    }
  }
  if (i >= b.length) return undefined;
  const first = b[i++] as number;
  let length: number | null = first;
  if (first === 0x80) {
    if (!(tag & 0x20) && tag !== 0) return undefined;
    length = null;
    st.sawIndefinite = true;
  } else if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 6 || i + n > b.length) return undefined;
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + (b[i++] as number);
  }
  // a copy: `b` views the source's read buffer (Buffer's slice is a view too), which a pooled source reuses
  // once consumed, while a captured element keeps its header across the awaits that read its value
  const bytes = new Uint8Array(b.subarray(0, i));
  st.src.skip(i);
  return { tag, constructed: (tag & 0x20) !== 0, length, bytes };
}

export async function readHeader(st: BerState): Promise<Header> {
  const fast = headerNow(st);
  if (fast) return fast;
  // nothing buffered yet (a source's first chunk): fetched once, then the header is parsed from it if it holds
  // it, rather than through one wait per byte
  if (st.src.buffered().length === 0 && (await st.src.peek()) !== undefined) {
    const filled = headerNow(st);
    if (filled) return filled;
  }
  const bytes: number[] = [];
  const next = async () => {
    const b = await st.src.byte();
    bytes.push(b);
    return b;
  };
  const tag = await next();
  if ((tag & 0x1f) === 0x1f) {
    for (let n = 0; (await next()) & 0x80; n++) if (n > 3) throw malformed('tag too long');
  }
  const first = await next();
  let length: number | null = first;
  if (first === 0x80) {
    length = null;
    if (!(tag & 0x20) && tag !== 0) throw malformed('indefinite primitive');
    st.sawIndefinite = true;
  } else if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 6) throw malformed('length too long');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (await next());
  }
  return { tag, constructed: (tag & 0x20) !== 0, length, bytes: Uint8Array.from(bytes) };
}

export function containerOf(st: BerState, h: Header): Container {
  return { end: h.length === null ? null : st.src.position + h.length };
}

/** Whether the container has another element; consumes the end-of-contents of an indefinite one. */
export async function hasMore(st: BerState, c: Container): Promise<boolean> {
  if (c.end !== null) {
    if (st.src.position > c.end) throw malformed('element overruns its container');
    return st.src.position < c.end;
  }
  if (c.closed) return false;
  if ((await st.src.peek()) !== 0) return true;
  const eoc = await readHeader(st);
  if (eoc.tag !== 0 || eoc.length !== 0) throw malformed('bad end-of-contents');
  c.closed = true;
  return false;
}

/**
 * hasMore without a wait, when the answer needs no byte beyond those buffered (a definite length, a closed
 * container, a next byte that is not an end-of-contents); undefined (nothing consumed) for hasMore to decide.
 */
export function hasMoreNow(st: BerState, c: Container): boolean | undefined {
  if (c.end !== null) {
    if (st.src.position > c.end) throw malformed('element overruns its container');
    return st.src.position < c.end;
  }
  if (c.closed) return false;
  const b = st.src.buffered();
  return b.length > 0 && b[0] !== 0 ? true : undefined;
}

/** close() without a wait: true when hasMoreNow says the container is done (throws as close() when it is not) */
export function closedNow(st: BerState, c: Container): boolean {
  const more = hasMoreNow(st, c);
  if (more === true) throw malformed('unexpected extra data');
  return more === false;
}

/** Checks that the container is fully consumed (reads its end-of-contents when indefinite). */
export async function close(st: BerState, c: Container): Promise<void> {
  if (await hasMore(st, c)) throw malformed('unexpected extra data');
}

/**
 * captureElement of an element of definite length whose bytes are all buffered, without a wait: the same
 * budget, the same bytes; undefined (nothing counted or consumed) otherwise, for captureElement.
 */
export function captureNow(st: BerState, h: Header): Uint8Array | undefined {
  const b = st.src.buffered();
  if (h.length === null || b.length < h.length) return undefined;
  st.budget.countElement();
  st.budget.take(h.bytes.length + h.length);
  const out = new Uint8Array(h.bytes.length + h.length);
  out.set(h.bytes);
  out.set(b.subarray(0, h.length), h.bytes.length);
  st.src.skip(h.length);
  return out;
}

/** The whole element (header included) as found, e.g. a certificate or a SignerInfo. */
export async function captureElement(st: BerState, h: Header, depth = 0): Promise<Uint8Array> {
  if (depth > MAX_DEPTH) throw nestingTooDeep();
  st.budget.countElement();
  if (h.length !== null) {
    st.budget.take(h.bytes.length + h.length);
    const value = await st.src.read(h.length);
    const out = new Uint8Array(h.bytes.length + value.length);
    out.set(h.bytes);
    out.set(value, h.bytes.length);
    return out;
  }
  st.budget.take(h.bytes.length + 2);
  const parts: Uint8Array[] = [h.bytes];
  const c = containerOf(st, h);
  while (await hasMore(st, c)) parts.push(await captureElement(st, await readHeader(st), depth + 1));
  parts.push(Uint8Array.of(0, 0));
  return Buffer.concat(parts);
}

/** Streams the octets of an OCTET STRING (primitive, or constructed of OCTET STRINGs) to `sink`. */
export async function streamOctets(
  st: BerState,
  h: Header,
  sink: (chunk: Uint8Array) => void | Promise<void>,
  depth = 0,
): Promise<void> {
  if (depth > MAX_DEPTH) throw nestingTooDeep();
  if ((h.tag & 0xdf) !== 0x04) throw malformed('content is not an OCTET STRING');
  if (!h.constructed) {
    await st.src.stream(h.length ?? 0, sink);
    return;
  }
  const c = containerOf(st, h);
  while (await hasMore(st, c)) await streamOctets(st, await readHeader(st), sink, depth + 1);
}

/** Skips an element without keeping it. */
export async function skipElement(st: BerState, h: Header, depth = 0): Promise<void> {
  if (depth > MAX_DEPTH) throw nestingTooDeep();
  st.budget.countElement();
  if (h.length !== null) {
    await st.src.stream(h.length, () => undefined);
    return;
  }
  const c = containerOf(st, h);
  while (await hasMore(st, c)) await skipElement(st, await readHeader(st), depth + 1);
}
