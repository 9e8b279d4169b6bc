/**
 * Streaming reader of CMS SignedData (p7m / p7s / p7): DER, BER with indefinite lengths, base64 with or
 * without PEM armour. The encapsulated content is streamed to a callback and hashed on the fly; only the
 * small parts (certificates, CRLs, signer infos, as found) are kept, within a size cap. Used by verification,
 * extraction and parallel signing.
 */
import { newHash, type HashName } from './algorithm-oids';
import { open } from 'node:fs/promises';
import { fileError, readInput, type ReadInputSkip } from '../files/input-file';
import { ReadPool } from '../files/read-pool';
import { startStreamHash, type StreamHash } from '../files/stream-hash';
import { SigilloError } from '../errors';
import { digestNameForOid } from './algorithms';
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
} from './ber-stream';
import { captureNow, closedNow, hasMoreNow, headerNow } from './ber-stream';
import { ByteSource } from './byte-source';
import { readContentInfoType, readSignedDataHead } from './signed-data-head';
import { detectInput, type InputEncoding } from './input-detect';
import { checkCount, checkSignerInfoLimits } from './limits';
import { atOffset, malformed, unsupported } from './reader-errors';

export const DEFAULT_PARTS_LIMIT = 64 * 1024 * 1024;
/** reads into reused buffers are 1 MiB: a few of them live at once, whatever the size of the file */
const POOLED_READ = 1024 * 1024;

export interface ReadSignedDataOptions {
  /** node:crypto hash names to compute over the content, besides the declared digest algorithms */
  digests?: string[];
  /** also hash with every declared digest algorithm that node:crypto knows (default true) */
  hashDeclared?: boolean;
  /** receives the content in order; awaited (back-pressure) */
  onContent?: (chunk: Uint8Array) => void | Promise<void>;
  /** for a detached signature: the file holding the signed content (hashed and streamed like eContent) */
  detachedContent?: string;
  /** cap on the bytes of the non-content parts held in memory (default 64 MiB) */
  partsLimit?: number;
  /**
   * read a file `source` into a few reused buffers: only when `onContent` is done with each chunk once its
   * promise settles (verification; not the writers that keep chunks in flight)
   */
  reuseReads?: boolean;
  /**
   * hashing of the content already started from the file (a big p7m's content, hashed while the verifier loads):
   * offered the content's place once the parser reaches it, and used instead of hashing it again when it covers
   * exactly those bytes with every algorithm needed (a binary file source only)
   */
  contentHash?: ContentHashOffer;
  /**
   * whether `onContent` still wants the content's bytes: when the content is hashed elsewhere (contentHash) and
   * it wants no more, the rest of the content is skipped in the file instead of read (default: wants them all)
   */
  contentWanted?: () => boolean;
  /**
   * the consumer of the content (a nested level) asks to pass over bytes of it, hashed elsewhere: moved over in
   * the file instead of read, when this level's content is hashed elsewhere too (`contentHash` taken)
   */
  passOver?: PassOver;
  /**
   * a stream `source` that can pass over bytes not handed yet (a nested level read through a ChunkChannel):
   * lets this level skip its content when `contentHash` was taken (undefined: bytes in flight, read them)
   */
  sourceSkip?: (n: number, received: number) => Promise<number> | undefined;
}

export interface PassOver {
  /** bytes the consumer asked to pass over, not passed yet */
  wanted(): number;
  /** `n` of them were moved over */
  moved(n: number): void;
}

export interface ContentHashOffer {
  /** the started hashing, when it covers the file's bytes [from, from + length) with every one of `names` */
  take(from: number, length: number, names: string[]): Promise<TakenContentHash | undefined>;
}

export interface TakenContentHash {
  /** the digests of `names` (an error when fewer bytes than `length` could be read: the file changed) */
  digests(): Promise<Record<string, Uint8Array>>;
  cancel(): void;
}

export interface SignedDataSummary {
  encoding: InputEncoding;
  /** true when indefinite lengths were found (BER) */
  ber: boolean;
  version: number;
  digestAlgorithmOids: string[];
  /** the digestAlgorithms AlgorithmIdentifiers as found */
  digestAlgorithms: Uint8Array[];
  eContentType: string;
  /** no eContent in the file */
  detached: boolean;
  /** bytes of content streamed (eContent, or the detached content file) */
  contentLength: number;
  /** content digests by node:crypto hash name */
  contentDigests: Record<string, Uint8Array>;
  /** CertificateChoices as found: a Certificate is a SEQUENCE (0x30); other choices carry context tags */
  certificates: Uint8Array[];
  /** RevocationInfoChoices as found */
  crls: Uint8Array[];
  signerInfos: Uint8Array[];
}

interface ContentSink {
  /** node:crypto hash names; more may be added until the first content byte */
  names: Set<string>;
  length: number;
  /** the content's length when its header gives it (before the first content byte) */
  expected?: number;
  /** the content is hashed elsewhere (before the first content byte): only counted and handed on here */
  adopt(taken: TakenContentHash): void;
  /** content bytes hashed elsewhere and not handed on */
  skipped(n: number): void;
  write(chunk: Uint8Array): Promise<void>;
  digests(): Promise<Record<string, Uint8Array>>;
  cancel(): void;
}

function makeSink(names: Set<string>, onContent: ReadSignedDataOptions['onContent']): ContentSink {
  let hash: StreamHash | undefined;
  let hashed: string[] = [];
  let adopted: TakenContentHash | undefined;
  const started = () => {
    if (!hash) {
      hashed = [...names];
      hash = startStreamHash(hashed, (n) => newHash(n as HashName), undefined, sink.expected);
    }
    return hash;
  };
  const sink: ContentSink = {
    names,
    length: 0,
    adopt(taken) {
      adopted = taken;
    },
    skipped(n) {
      sink.length += n;
    },
    async write(chunk) {
      sink.length += chunk.length;
      if (!adopted) await started().update(chunk);
      if (onContent) await onContent(chunk);
    },
    async digests() {
      if (adopted) return adopted.digests();
      const values = await started().digests();
      return Object.fromEntries(hashed.map((n, i) => [n, new Uint8Array(values[i] as Buffer)]));
    },
    cancel: () => {
      hash?.cancel();
      adopted?.cancel();
    },
  };
  return sink;
}

/** real files end with a newline or some padding at most: any other byte after the signature is damage */
const MAX_TRAILING_PADDING = 1024;
const PADDING = new Set([0x00, 0x09, 0x0a, 0x0d, 0x20]);

async function checkTrailing(st: BerState): Promise<void> {
  for (let n = 0; !(await st.src.atEnd()); n++) {
    if (n >= MAX_TRAILING_PADDING || !PADDING.has(await st.src.byte()))
      throw malformed('data after the end of the signature');
  }
}

/** pieces of a content hashed elsewhere handed on while the consumer still wants them */
const HANDED_PIECE = 1024 * 1024;

/**
 * The content when its hashing was taken from elsewhere: handed on while `onContent` wants it (the first bytes
 * decide whether it is a nested SignedData), the rest moved over with `seek`.
 */
async function adoptedContent(
  st: BerState,
  sink: ContentSink,
  length: number,
  wanted: () => boolean,
  seek: Seek,
  passOver?: PassOver,
): Promise<void> {
  let left = length;
  while (left > 0 && wanted()) {
    const over = Math.min(left, passOver?.wanted() ?? 0);
    if (over > 0) {
      await st.src.discard(over, seek);
      sink.skipped(over);
      passOver?.moved(over);
      left -= over;
      continue;
    }
    const n = Math.min(left, Math.max(st.src.buffered().length, 1), HANDED_PIECE);
    await st.src.stream(n, (c) => sink.write(c));
    left -= n;
  }
  if (left === 0) return;
  await st.src.discard(left, seek);
  sink.skipped(left);
}

type Seek = (n: number) => Promise<number | undefined>;

/** `seek`: moves the file on (a binary file source: positions in `st` are offsets in the file) */
async function parse(st: BerState, sink: ContentSink, opts: ReadSignedDataOptions, seek?: Seek) {
  const { outer, explicitC, sdC, version, digestAlgs, encapC, eContentType, content } =
    await readSignedDataHead(st);
  if (opts.hashDeclared !== false) {
    for (const o of digestAlgs.oids) {
      const name = digestNameForOid(o);
      if (name) sink.names.add(name);
    }
  }
  let detached = true;
  if (content) {
    const oh = content.header;
    const taken =
      seek && opts.contentHash && oh.tag === 0x04 && oh.length !== null
        ? await opts.contentHash.take(st.src.position, oh.length, [...sink.names])
        : undefined;
    if (taken) sink.adopt(taken);
    if (oh.length !== null) sink.expected = oh.length;
    if (taken && oh.length !== null) {
      const wanted = opts.contentWanted ?? (() => true);
      await adoptedContent(st, sink, oh.length, wanted, seek as Seek, opts.passOver);
    } else if ((oh.tag & 0xdf) === 0x04) await streamOctets(st, oh, (c) => sink.write(c));
    else if (oh.length !== null) await st.src.stream(oh.length, (c) => sink.write(c));
    else throw unsupported('eContent is not an OCTET STRING');
    detached = false;
    if (!closedNow(st, content.cC)) await close(st, content.cC);
  }
  if (!closedNow(st, encapC)) await close(st, encapC);
  const certificates: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  let signerInfos: Uint8Array[] | undefined;
  // the parts of a small file are all buffered: read without a wait each (the same checks, the same bytes)
  while (hasMoreNow(st, sdC) ?? (await hasMore(st, sdC))) {
    const h = headerNow(st) ?? (await readHeader(st));
    const target = h.tag === 0xa0 ? certificates : h.tag === 0xa1 ? crls : h.tag === 0x31 ? [] : undefined;
    if (!target || signerInfos) {
      await skipElement(st, h);
      continue;
    }
    const cap = h.tag === 0xa0 ? 'certificates' : h.tag === 0xa1 ? 'crls' : 'signers';
    const c = containerOf(st, h);
    while (hasMoreNow(st, c) ?? (await hasMore(st, c))) {
      const eh = headerNow(st) ?? (await readHeader(st));
      target.push(captureNow(st, eh) ?? (await captureElement(st, eh)));
      checkCount(cap, target.length);
    }
    if (h.tag === 0x31) signerInfos = target;
  }
  if (!signerInfos) throw malformed('no signerInfos');
  checkSignerInfoLimits(signerInfos);
  if (!closedNow(st, explicitC)) await close(st, explicitC);
  if (!closedNow(st, outer)) await close(st, outer);
  await checkTrailing(st);
  return {
    version,
    digestAlgorithmOids: digestAlgs.oids,
    digestAlgorithms: digestAlgs.raw,
    eContentType,
    detached,
    certificates,
    crls,
    signerInfos,
  };
}

/**
 * Cheap content check: true when the file starts like a CMS SignedData (binary, base64 or PEM). Reads at most
 * the first 8 KiB.
 */
export async function looksLikeSignedData(path: string): Promise<boolean> {
  const fh = await open(path, 'r').catch((e: unknown) => {
    throw fileError(e, path);
  });
  try {
    const head = new Uint8Array(8192);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    async function* one(): AsyncGenerator<Uint8Array> {
      yield head.subarray(0, bytesRead);
    }
    const detected = await detectInput(one());
    const st: BerState = {
      src: new ByteSource(detected.bytes),
      budget: new Budget(8192),
      sawIndefinite: false,
    };
    await readContentInfoType(st);
    return true;
  } catch (e) {
    if (e instanceof SigilloError && e.code !== 'IO_ERROR') return false;
    throw e;
  } finally {
    await fh.close();
  }
}

/** Reads a SignedData from a file path or a stream of bytes. */
export async function readSignedData(
  source: string | AsyncIterable<Uint8Array>,
  opts: ReadSignedDataOptions = {},
): Promise<SignedDataSummary> {
  const pool = typeof source === 'string' && opts.reuseReads ? new ReadPool(POOLED_READ) : undefined;
  const skip: ReadInputSkip = { yielded: 0 };
  const raw = typeof source === 'string' ? readInput(source, pool?.size, pool, skip) : source;
  const detected = await detectInput(raw);
  const src = new ByteSource(detected.bytes, pool && ((c) => pool.give(c)));
  // the file can be moved on when every byte it handed out reached the parser (none held back by detectInput)
  const sourceSkip = opts.sourceSkip;
  const seek: Seek | undefined =
    detected.encoding !== 'binary'
      ? undefined
      : typeof source === 'string'
        ? async (n) => (skip.skip && skip.yielded === src.received ? skip.skip(n) : undefined)
        : sourceSkip && (async (n) => sourceSkip(n, src.received));
  const st: BerState = {
    src,
    budget: new Budget(opts.partsLimit ?? DEFAULT_PARTS_LIMIT),
    sawIndefinite: false,
  };
  const sink = makeSink(new Set(opts.digests ?? []), opts.onContent);
  try {
    const parts = await parse(st, sink, opts, seek).catch((e: unknown) => {
      throw atOffset(e instanceof RangeError ? malformed(e.message) : e, src.position);
    });
    if (parts.detached && opts.detachedContent) {
      for await (const chunk of readInput(opts.detachedContent)) await sink.write(chunk);
    }
    const contentDigests = await sink.digests();
    return {
      encoding: detected.encoding,
      ber: st.sawIndefinite,
      ...parts,
      contentLength: sink.length,
      contentDigests,
    };
  } finally {
    sink.cancel();
    await src.close();
  }
}
