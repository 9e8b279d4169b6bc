/**
 * Streaming reader of a .m7m (MIME multipart/mixed: a signed p7m part + a time-stamp part, both base64).
 * The p7m part is decoded to `p7mSink` and hashed on the way; the time-stamp part (small) is kept in memory.
 * Parts are told apart by their Content-Type / file name, else by order (p7m first).
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { SigilloError, failure } from '../errors';
import { fileError, inputSize } from '../files/input-file';
import type { HashName } from '../cms/algorithm-oids';

const HASHES: HashName[] = ['sha256', 'sha384', 'sha512', 'sha1'];
const MAX_HEADER_LINES = 200;
const MAX_TIMESTAMP_BYTES = 1024 * 1024;

export interface M7mSummary {
  p7mName?: string;
  tsrName?: string;
  p7mLength: number;
  p7mDigests: Partial<Record<HashName, Uint8Array>>;
  /** a TimeStampResp or a bare TimeStampToken, as found */
  timestamp: Uint8Array;
}

export function m7mMalformed(reason: string): SigilloError {
  return failure('M7M_MALFORMED', { reason });
}

/** `name="x"` / `filename="x"` / boundary="x" parameter of a header value */
function param(value: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

type Headers = Map<string, string>;

class LineReader {
  #it: AsyncIterator<string>;
  constructor(path: string) {
    const stream = createReadStream(path, { encoding: 'latin1' });
    this.#it = createInterface({ input: stream, crlfDelay: Infinity })[Symbol.asyncIterator]();
  }
  async next(): Promise<string | undefined> {
    const r = await this.#it.next();
    return r.done ? undefined : r.value;
  }
  async close(): Promise<void> {
    await this.#it.return?.();
  }
}

/** Header lines up to the blank line, unfolded, names lower-cased. */
async function readHeaders(lines: LineReader): Promise<Headers> {
  const out: Headers = new Map();
  let last: string | undefined;
  for (let n = 0; ; n++) {
    if (n > MAX_HEADER_LINES) throw m7mMalformed('header too long');
    const line = await lines.next();
    if (line === undefined) throw m7mMalformed('truncated headers');
    if (line === '') return out;
    if (/^[ \t]/.test(line) && last) out.set(last, `${out.get(last) ?? ''} ${line.trim()}`);
    else {
      const i = line.indexOf(':');
      if (i <= 0) throw m7mMalformed('bad header line');
      last = line.slice(0, i).trim().toLowerCase();
      out.set(last, line.slice(i + 1).trim());
    }
  }
}

class Base64Decoder {
  #rest = '';
  push(text: string): Buffer {
    const all = this.#rest + text.replace(/[^A-Za-z0-9+/=]/g, '');
    const whole = all.length - (all.length % 4);
    this.#rest = all.slice(whole);
    return Buffer.from(all.slice(0, whole), 'base64');
  }
  end(): Buffer {
    const out = Buffer.from(this.#rest, 'base64');
    this.#rest = '';
    return out;
  }
}

interface Part {
  kind: 'p7m' | 'timestamp';
  name?: string;
}

function kindOf(h: Headers, index: number): Part {
  const type = h.get('content-type') ?? '';
  const name = param(h.get('content-disposition') ?? '', 'filename') ?? param(type, 'name');
  const encoding = (h.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding !== 'base64') throw m7mMalformed(`part encoding ${encoding || 'missing'}`);
  if (/timestamp|tsr|tst/i.test(type) || /\.(tsr|tst|tsd)$/i.test(name ?? ''))
    return { kind: 'timestamp', name };
  if (/pkcs7|p7m|p7s/i.test(type) || /\.p7[ms]$/i.test(name ?? '')) return { kind: 'p7m', name };
  return { kind: index === 0 ? 'p7m' : 'timestamp', name };
}

export async function readM7m(
  path: string,
  p7mSink: (chunk: Uint8Array) => void | Promise<void> = () => undefined,
): Promise<M7mSummary> {
  await inputSize(path);
  const lines = new LineReader(path);
  try {
    const top = await readHeaders(lines);
    const boundary = param(top.get('content-type') ?? '', 'boundary');
    if (!/multipart\//i.test(top.get('content-type') ?? '') || !boundary) throw m7mMalformed('not multipart');
    const hashes = new Map<HashName, Hash>(HASHES.map((h) => [h, createHash(h)]));
    const out: Partial<M7mSummary> & { p7mLength: number } = { p7mLength: 0 };
    let seenP7m = false;
    let index = 0;
    let line = await lines.next();
    while (line !== undefined && line.trimEnd() !== `--${boundary}`) line = await lines.next();
    while (line !== undefined && line.trimEnd() === `--${boundary}`) {
      const part = kindOf(await readHeaders(lines), index++);
      const decoder = new Base64Decoder();
      const tsParts: Buffer[] = [];
      let tsBytes = 0;
      const take = async (bytes: Buffer) => {
        if (bytes.length === 0) return;
        if (part.kind === 'p7m') {
          out.p7mLength += bytes.length;
          for (const h of hashes.values()) h.update(bytes);
          await p7mSink(bytes);
        } else {
          tsBytes += bytes.length;
          if (tsBytes > MAX_TIMESTAMP_BYTES) throw m7mMalformed('timestamp part too large');
          tsParts.push(bytes);
        }
      };
      if (part.kind === 'p7m' && seenP7m) throw m7mMalformed('more than one signed part');
      for (
        line = await lines.next();
        line !== undefined && !line.startsWith(`--${boundary}`);
        line = await lines.next()
      ) {
        await take(decoder.push(line));
      }
      await take(decoder.end());
      if (part.kind === 'p7m') {
        seenP7m = true;
        out.p7mName = part.name;
      } else if (!out.timestamp) {
        out.timestamp = Buffer.concat(tsParts);
        out.tsrName = part.name;
      }
    }
    if (!seenP7m) throw m7mMalformed('no signed p7m part');
    if (!out.timestamp) throw m7mMalformed('no timestamp part');
    const p7mDigests: M7mSummary['p7mDigests'] = {};
    for (const [n, h] of hashes) p7mDigests[n] = new Uint8Array(h.digest());
    return { ...out, timestamp: out.timestamp, p7mDigests };
  } catch (e) {
    throw fileError(e, path);
  } finally {
    await lines.close();
  }
}

/** true when the head bytes look like a MIME multipart message */
export function looksLikeM7m(head: Uint8Array): boolean {
  // the first header's name starts the text: any other first byte says no without making the text (a p7m)
  const c = head[0];
  if (c !== 0x6d && c !== 0x4d && c !== 0x63 && c !== 0x43) return false;
  const text = Buffer.from(head).toString('latin1');
  return /^(mime-version|content-type)\s*:/i.test(text) && /multipart\//i.test(text);
}
