/**
 * Detects how a signature file is encoded, by content: binary BER/DER, bare base64, or base64 in
 * `-----BEGIN PKCS7-----` / `-----BEGIN CMS-----` armour (any line breaks: LF, CRLF, CR), and decodes
 * base64 as a stream.
 */
import { emptyInput, notCms } from './reader-errors';

export type InputEncoding = 'binary' | 'base64' | 'pem';

export interface DetectedInput {
  encoding: InputEncoding;
  /** the decoded bytes */
  bytes: AsyncIterable<Uint8Array>;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const SNIFF = 80;
const MAX_LEADING = 64 * 1024;

function isBase64Char(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2f
  );
}

/**
 * `head`, then the rest of `rest`, which is returned (its file closed) once it ends, fails or the reader stops.
 * An iterator of its own rather than an async generator (whose `yield*` over the head costs several promises a
 * chunk): one promise per chunk, and a stop before the first chunk closes the file too.
 */
function prepend(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncIterableIterator<Uint8Array> {
  let i = 0;
  let finished = false;
  const finish = async (): Promise<void> => {
    if (finished) return;
    finished = true;
    await rest.return?.();
  };
  const done = (): IteratorResult<Uint8Array> => ({ value: undefined, done: true });
  const it: AsyncIterableIterator<Uint8Array> = {
    [Symbol.asyncIterator]: () => it,
    async next() {
      if (finished) return done();
      if (i < head.length) return { value: head[i++] as Uint8Array, done: false };
      let r: IteratorResult<Uint8Array>;
      try {
        r = await rest.next();
      } catch (e) {
        await finish();
        throw e;
      }
      if (!r.done) return { value: r.value, done: false };
      await finish();
      return done();
    },
    async return() {
      await finish();
      return done();
    },
  };
  return it;
}

const INVALID_BASE64 = /[^A-Za-z0-9+/=]/;
const MAX_ARMOUR_HEADER = 4096;

/** Decodes base64 text chunks; `armoured`: skip the BEGIN line, stop at the first '-' (the END line). */
export async function* decodeBase64(
  text: AsyncIterable<Uint8Array>,
  armoured: boolean,
): AsyncGenerator<Uint8Array> {
  let carry = '';
  let inBody = !armoured;
  let ended = false;
  let atStart = true;
  for await (const chunk of text) {
    if (ended) break;
    let s = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    carry = '';
    if (atStart) {
      // a UTF-8 BOM (and blanks) before the text, even when split across chunks
      s = s.replace(/^[\s\u00ef\u00bb\u00bf]+/, '');
      if (s.length === 0) continue;
      atStart = false;
    }
    if (!inBody) {
      const begin = s.indexOf('-----BEGIN');
      const close = begin < 0 ? -1 : s.indexOf('-----', begin + 10);
      if (close < 0) {
        // the BEGIN line is near the start: a long text without its end is not PEM (and must not pile up)
        if (s.length > MAX_ARMOUR_HEADER) throw notCms('PEM armour without body');
        carry = s;
        continue;
      }
      s = s.slice(close + 5);
      inBody = true;
    }
    if (armoured) {
      const dash = s.indexOf('-');
      if (dash >= 0) {
        s = s.slice(0, dash);
        ended = true;
      }
    }
    s = s.replace(/[\r\n\t ]+/g, '');
    if (INVALID_BASE64.test(s)) throw notCms('invalid base64');
    const whole = ended ? s.length : s.length - (s.length % 4);
    if (whole > 0) yield new Uint8Array(Buffer.from(s.slice(0, whole), 'base64'));
    carry = s.slice(whole);
  }
  if (!inBody) throw notCms('PEM armour without body');
  if (carry.length > 0) yield new Uint8Array(Buffer.from(carry, 'base64'));
}

/** Looks at the first bytes and returns the decoded stream. */
export async function detectInput(source: AsyncIterable<Uint8Array>): Promise<DetectedInput> {
  const it = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  const sniff: number[] = [];
  let leading = true;
  let headBytes = 0;
  let ended = false;
  // a file of nothing but blanks must not be held in memory: look at most MAX_LEADING bytes in
  while (sniff.length < SNIFF && headBytes < MAX_LEADING) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    head.push(r.value);
    headBytes += r.value.length;
    for (const b of r.value) {
      if (sniff.length >= SNIFF) break;
      if (leading && (WS.has(b) || b === 0xef || b === 0xbb || b === 0xbf)) continue;
      leading = false;
      sniff.push(b);
    }
  }
  const all = prepend(head, it);
  const first = sniff[0];
  if (first === undefined) {
    await it.return?.(); // `all` has not started: its finally would not run
    throw ended ? emptyInput() : notCms('only blanks at the start');
  }
  if (first === 0x30) return { encoding: 'binary', bytes: all };
  const text = Buffer.from(sniff).toString('latin1');
  if (text.startsWith('-----BEGIN')) return { encoding: 'pem', bytes: decodeBase64(all, true) };
  if (sniff.every((c) => isBase64Char(c) || WS.has(c) || c === 0x3d) && text.startsWith('M')) {
    return { encoding: 'base64', bytes: decodeBase64(all, false) };
  }
  await it.return?.();
  throw notCms('unknown encoding');
}
