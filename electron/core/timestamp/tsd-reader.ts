/**
 * Streaming reader of RFC 5544 TimeStampedData (.tsd, DER or BER, also base64/PEM as the CMS reader accepts):
 * the content is streamed to a callback and hashed on the fly (SHA-256/384/512, and over the metaData first when
 * it is hash-protected); the evidence tokens are returned as found.
 */
import { createHash, type Hash } from 'node:crypto';
import { readInput } from '../files/input-file';
import { SigilloError, failure } from '../errors';
import {
  Budget,
  captureElement,
  close,
  containerOf,
  hasMore,
  readHeader,
  skipElement,
  streamOctets,
  type BerState,
} from '../cms/ber-stream';
import { ByteSource } from '../cms/byte-source';
import { children, decodeOid, readElement, valueOf } from '../cms/der-parse';
import { detectInput } from '../cms/input-detect';
import type { HashName } from '../cms/algorithm-oids';
import { OID } from '../cms/oids';

const HASHES: HashName[] = ['sha256', 'sha384', 'sha512', 'sha1'];
const PARTS_LIMIT = 16 * 1024 * 1024;

export interface TsdSummary {
  fileName?: string;
  mediaType?: string;
  dataUri?: string;
  hashProtected: boolean;
  /** false when the content is not inside (dataUri only) */
  hasContent: boolean;
  contentLength: number;
  /** digest of what the first token covers (content, or metaData + content when hash-protected) */
  contentDigests: Partial<Record<HashName, Uint8Array>>;
  /** the TimeStampTokens of tstEvidence, in order */
  tokens: Uint8Array[];
}

export function notTsd(reason: string): SigilloError {
  return failure('TSD_MALFORMED', { reason });
}

function parseMeta(der: Uint8Array): Pick<TsdSummary, 'fileName' | 'mediaType' | 'hashProtected'> {
  const el = readElement(der, 0);
  const [hp, ...rest] = children(der, el);
  if (hp?.tag !== 0x01) throw new RangeError('metaData.hashProtected');
  const text = (tag: number) => {
    const e = rest.find((r) => r.tag === tag);
    return e ? Buffer.from(valueOf(der, e)).toString(tag === 0x0c ? 'utf8' : 'latin1') : undefined;
  };
  return { hashProtected: der[hp.valueStart] !== 0, fileName: text(0x0c), mediaType: text(0x16) };
}

function tokensOf(evidence: Uint8Array): Uint8Array[] {
  const el = readElement(evidence, 0);
  return children(evidence, el).map((tsc) => {
    const [token] = children(evidence, tsc);
    if (!token) throw new RangeError('empty TimeStampAndCRL');
    return evidence.slice(token.start, token.end);
  });
}

async function parse(st: BerState, onContent: (c: Uint8Array) => void | Promise<void>): Promise<TsdSummary> {
  const ci = await readHeader(st);
  if (ci.tag !== 0x30) throw new RangeError('not a SEQUENCE');
  const typeH = await readHeader(st);
  if (typeH.tag !== 0x06 || !typeH.length || typeH.length > 64) throw new RangeError('no content type');
  if (decodeOid(await st.src.read(typeH.length)) !== OID.timestampedData)
    throw new RangeError('not TimeStampedData');
  const explicit = await readHeader(st);
  if (explicit.tag !== 0xa0) throw new RangeError('[0] expected');
  const seq = await readHeader(st);
  if (seq.tag !== 0x30) throw new RangeError('TimeStampedData expected');
  const c = containerOf(st, seq);
  const out: TsdSummary = {
    hashProtected: false,
    hasContent: false,
    contentLength: 0,
    contentDigests: {},
    tokens: [],
  };
  const hashes = new Map<HashName, Hash>(HASHES.map((h) => [h, createHash(h)]));
  const feed = (chunk: Uint8Array) => {
    for (const h of hashes.values()) h.update(chunk);
  };
  const version = await captureElement(st, await readHeader(st));
  if (version[0] !== 0x02 || version[version.length - 1] !== 1) throw new RangeError('version must be 1');
  while (await hasMore(st, c)) {
    const h = await readHeader(st);
    if (h.tag === 0x16)
      out.dataUri = Buffer.from(await captureElement(st, h)).toString('latin1', h.bytes.length);
    else if (h.tag === 0x30) {
      const meta = await captureElement(st, h);
      Object.assign(out, parseMeta(meta));
      if (out.hashProtected) feed(meta);
    } else if ((h.tag & 0xdf) === 0x04) {
      out.hasContent = true;
      await streamOctets(st, h, async (chunk) => {
        out.contentLength += chunk.length;
        feed(chunk);
        await onContent(chunk);
      });
    } else if (h.tag === 0xa0) out.tokens = tokensOf(await captureElement(st, h));
    else await skipElement(st, h);
  }
  await close(st, containerOf(st, explicit)).catch(() => undefined);
  if (out.tokens.length === 0) throw new RangeError('no time-stamp token evidence');
  for (const [name, h] of hashes) out.contentDigests[name] = new Uint8Array(h.digest());
  return out;
}

export async function readTsd(
  path: string,
  onContent: (chunk: Uint8Array) => void | Promise<void> = () => undefined,
): Promise<TsdSummary> {
  const detected = await detectInput(readInput(path));
  const src = new ByteSource(detected.bytes);
  const st: BerState = { src, budget: new Budget(PARTS_LIMIT), sawIndefinite: false };
  try {
    return await parse(st, onContent);
  } catch (e) {
    if (e instanceof SigilloError && !['TRUNCATED', 'MALFORMED_CMS', 'NOT_CMS'].includes(e.code)) throw e;
    throw notTsd(e instanceof Error ? e.message : String(e));
  } finally {
    await src.close();
  }
}
