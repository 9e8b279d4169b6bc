/**
 * Streaming reader of CMS SignedData (p7m / p7s / p7): DER, BER with indefinite lengths, base64 with or
 * without PEM armour. The encapsulated content is streamed to a callback and hashed on the fly; only the
 * small parts (certificates, CRLs, signer infos, as found) are kept, within a size cap. Used by verification,
 * extraction and parallel signing.
 */
import { newHash, type HashName } from './algorithm-oids';
import { open } from 'node:fs/promises';
import { fileError, readInput } from '../files/input-file';
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
  type Container,
} from './ber-stream';
import { ByteSource } from './byte-source';
import { children, decodeOid, decodeSmallInteger, readElement, bytesOf, valueOf } from './der-parse';
import { detectInput, type InputEncoding } from './input-detect';
import { OID } from './oids';
import { checkCount, checkSignerInfoLimits } from './limits';
import { atOffset, malformed, notCms, unsupported } from './reader-errors';

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
  write(chunk: Uint8Array): Promise<void>;
  digests(): Promise<Record<string, Uint8Array>>;
  cancel(): void;
}

function makeSink(names: Set<string>, onContent: ReadSignedDataOptions['onContent']): ContentSink {
  let hash: StreamHash | undefined;
  let hashed: string[] = [];
  const started = () => {
    if (!hash) {
      hashed = [...names];
      hash = startStreamHash(hashed, (n) => newHash(n as HashName));
    }
    return hash;
  };
  const sink: ContentSink = {
    names,
    length: 0,
    async write(chunk) {
      sink.length += chunk.length;
      await started().update(chunk);
      if (onContent) await onContent(chunk);
    },
    async digests() {
      const values = await started().digests();
      return Object.fromEntries(hashed.map((n, i) => [n, new Uint8Array(values[i] as Buffer)]));
    },
    cancel: () => hash?.cancel(),
  };
  return sink;
}

function parseDigestAlgorithms(set: Uint8Array): { raw: Uint8Array[]; oids: string[] } {
  try {
    const el = readElement(set, 0);
    const algs = children(set, el);
    const oids = algs.map((a) => {
      const [first] = children(set, a);
      if (first?.tag !== 0x06) throw new RangeError('no OID');
      return decodeOid(valueOf(set, first));
    });
    return { raw: algs.map((a) => bytesOf(set, a)), oids };
  } catch {
    throw malformed('digestAlgorithms');
  }
}

async function readOid(st: BerState): Promise<string> {
  const h = await readHeader(st);
  if (h.tag !== 0x06 || h.length === null || h.length === 0 || h.length > 64) throw malformed('OID expected');
  return decodeOid(await st.src.read(h.length));
}

/** reads the ContentInfo header and its signedData type; returns the ContentInfo container */
async function readContentInfoType(st: BerState): Promise<Container> {
  const first = await readHeader(st).catch((e: unknown) => {
    throw e instanceof SigilloError && e.code === 'TRUNCATED' ? notCms('too short') : e;
  });
  if (first.tag !== 0x30) throw notCms('not a SEQUENCE');
  const outer = containerOf(st, first);
  const typeHeader = await readHeader(st);
  if (typeHeader.tag !== 0x06 || !typeHeader.length || typeHeader.length > 64) throw notCms('no type');
  const type = decodeOid(await st.src.read(typeHeader.length));
  if (type === OID.signedData) return outer;
  if (type.startsWith('1.2.840.113549.1.7.') || type.startsWith('1.2.840.113549.1.9.16.1.')) {
    throw unsupported(`content type ${type}`);
  }
  throw notCms(`content type ${type}`);
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

async function parse(st: BerState, sink: ContentSink, opts: ReadSignedDataOptions) {
  const outer = await readContentInfoType(st);
  const explicit = await readHeader(st);
  if (explicit.tag !== 0xa0) throw malformed('[0] expected');
  const explicitC = containerOf(st, explicit);
  const sd = await readHeader(st);
  if (sd.tag !== 0x30) throw malformed('SignedData expected');
  const sdC = containerOf(st, sd);
  const vh = await readHeader(st);
  if (vh.tag !== 0x02 || !vh.length || vh.length > 4) throw malformed('version');
  const version = decodeSmallInteger(await st.src.read(vh.length));
  const dh = await readHeader(st);
  if (dh.tag !== 0x31) throw malformed('digestAlgorithms');
  const digestAlgs = parseDigestAlgorithms(await captureElement(st, dh));
  if (opts.hashDeclared !== false) {
    for (const o of digestAlgs.oids) {
      const name = digestNameForOid(o);
      if (name) sink.names.add(name);
    }
  }
  const eh = await readHeader(st);
  if (eh.tag !== 0x30) throw malformed('encapContentInfo');
  const encapC = containerOf(st, eh);
  const eContentType = await readOid(st);
  let detached = true;
  if (await hasMore(st, encapC)) {
    const ch = await readHeader(st);
    if (ch.tag !== 0xa0) throw malformed('eContent');
    const cC = containerOf(st, ch);
    const oh = await readHeader(st);
    if ((oh.tag & 0xdf) === 0x04) await streamOctets(st, oh, (c) => sink.write(c));
    else if (oh.length !== null) await st.src.stream(oh.length, (c) => sink.write(c));
    else throw unsupported('eContent is not an OCTET STRING');
    detached = false;
    await close(st, cC);
  }
  await close(st, encapC);
  const certificates: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  let signerInfos: Uint8Array[] | undefined;
  while (await hasMore(st, sdC)) {
    const h = await readHeader(st);
    const target = h.tag === 0xa0 ? certificates : h.tag === 0xa1 ? crls : h.tag === 0x31 ? [] : undefined;
    if (!target || signerInfos) {
      await skipElement(st, h);
      continue;
    }
    const cap = h.tag === 0xa0 ? 'certificates' : h.tag === 0xa1 ? 'crls' : 'signers';
    const c = containerOf(st, h);
    while (await hasMore(st, c)) {
      target.push(await captureElement(st, await readHeader(st)));
      checkCount(cap, target.length);
    }
    if (h.tag === 0x31) signerInfos = target;
  }
  if (!signerInfos) throw malformed('no signerInfos');
  checkSignerInfoLimits(signerInfos);
  await close(st, explicitC);
  await close(st, outer);
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
  const raw = typeof source === 'string' ? readInput(source, pool?.size, pool) : source;
  const detected = await detectInput(raw);
  const src = new ByteSource(detected.bytes, pool && ((c) => pool.give(c)));
  const st: BerState = {
    src,
    budget: new Budget(opts.partsLimit ?? DEFAULT_PARTS_LIMIT),
    sawIndefinite: false,
  };
  const sink = makeSink(new Set(opts.digests ?? []), opts.onContent);
  try {
    const parts = await parse(st, sink, opts).catch((e: unknown) => {
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
