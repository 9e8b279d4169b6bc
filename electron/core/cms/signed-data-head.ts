/**
 * The start of a CMS SignedData, up to its encapsulated content: ContentInfo, version, digestAlgorithms,
 * eContentType and the header of the eContent. Shared by the streaming reader (which goes on from there) and by
 * `locateContent`, which finds where a DER content lies in the first bytes of a file, so that a big content can
 * be hashed from the file while the rest is parsed (verify/content-prefetch.ts).
 */
import { SigilloError } from '../errors';
import { Budget, containerOf, hasMore, readHeader, captureElement } from './ber-stream';
import { captureNow, hasMoreNow, headerNow } from './ber-stream';
import type { BerState, Container, Header } from './ber-stream';
import { ByteSource } from './byte-source';
import { children, decodeOid, decodeSmallInteger, readElement, bytesOf, valueOf } from './der-parse';
import { OID } from './oids';
import { malformed, notCms, unsupported } from './reader-errors';

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
  const h = headerNow(st) ?? (await readHeader(st));
  if (h.tag !== 0x06 || h.length === null || h.length === 0 || h.length > 64) throw malformed('OID expected');
  return decodeOid(st.src.readNow(h.length) ?? (await st.src.read(h.length)));
}

/** reads the ContentInfo header and its signedData type; returns the ContentInfo container */
export async function readContentInfoType(st: BerState): Promise<Container> {
  const first =
    headerNow(st) ??
    (await readHeader(st).catch((e: unknown) => {
      throw e instanceof SigilloError && e.code === 'TRUNCATED' ? notCms('too short') : e;
    }));
  if (first.tag !== 0x30) throw notCms('not a SEQUENCE');
  const outer = containerOf(st, first);
  const typeHeader = headerNow(st) ?? (await readHeader(st));
  if (typeHeader.tag !== 0x06 || !typeHeader.length || typeHeader.length > 64) throw notCms('no type');
  const type = decodeOid(st.src.readNow(typeHeader.length) ?? (await st.src.read(typeHeader.length)));
  if (type === OID.signedData) return outer;
  if (type.startsWith('1.2.840.113549.1.7.') || type.startsWith('1.2.840.113549.1.9.16.1.')) {
    throw unsupported(`content type ${type}`);
  }
  throw notCms(`content type ${type}`);
}

export interface SignedDataHead {
  outer: Container;
  explicitC: Container;
  sdC: Container;
  version: number;
  digestAlgs: { raw: Uint8Array[]; oids: string[] };
  encapC: Container;
  eContentType: string;
  /** the eContent's [0] container and the header of what it holds; none: detached */
  content?: { cC: Container; header: Header };
}

/** reads a SignedData up to the first byte of its content (the header of the eContent read, not its value) */
export async function readSignedDataHead(st: BerState): Promise<SignedDataHead> {
  const outer = await readContentInfoType(st);
  const explicit = headerNow(st) ?? (await readHeader(st));
  if (explicit.tag !== 0xa0) throw malformed('[0] expected');
  const explicitC = containerOf(st, explicit);
  const sd = headerNow(st) ?? (await readHeader(st));
  if (sd.tag !== 0x30) throw malformed('SignedData expected');
  const sdC = containerOf(st, sd);
  const vh = headerNow(st) ?? (await readHeader(st));
  if (vh.tag !== 0x02 || !vh.length || vh.length > 4) throw malformed('version');
  const version = decodeSmallInteger(st.src.readNow(vh.length) ?? (await st.src.read(vh.length)));
  const dh = headerNow(st) ?? (await readHeader(st));
  if (dh.tag !== 0x31) throw malformed('digestAlgorithms');
  const digestAlgs = parseDigestAlgorithms(captureNow(st, dh) ?? (await captureElement(st, dh)));
  const eh = headerNow(st) ?? (await readHeader(st));
  if (eh.tag !== 0x30) throw malformed('encapContentInfo');
  const encapC = containerOf(st, eh);
  const eContentType = await readOid(st);
  const head = { outer, explicitC, sdC, version, digestAlgs, encapC, eContentType };
  if (!(hasMoreNow(st, encapC) ?? (await hasMore(st, encapC)))) return head;
  const ch = headerNow(st) ?? (await readHeader(st));
  if (ch.tag !== 0xa0) throw malformed('eContent');
  const cC = containerOf(st, ch);
  return { ...head, content: { cC, header: headerNow(st) ?? (await readHeader(st)) } };
}

/** where a DER-length content lies in a file, as told by its first bytes */
export interface ContentPlace {
  digestAlgorithmOids: string[];
  /** offset of the content's first byte in the file */
  from: number;
  length: number;
}

/**
 * The place of the content of a binary SignedData whose eContent is one primitive OCTET STRING with a definite
 * length, from the file's first bytes; undefined for anything else (BER fragments, base64, detached, not CMS,
 * too short). Only a hint: the reader checks it against what it parses itself.
 */
export async function locateContent(head: Uint8Array): Promise<ContentPlace | undefined> {
  async function* one(): AsyncGenerator<Uint8Array> {
    yield head;
  }
  const st: BerState = { src: new ByteSource(one()), budget: new Budget(head.length), sawIndefinite: false };
  try {
    const h = await readSignedDataHead(st);
    const oh = h.content?.header;
    if (oh?.tag !== 0x04 || oh.length === null) return undefined;
    return { digestAlgorithmOids: h.digestAlgs.oids, from: st.src.position, length: oh.length };
  } catch {
    return undefined;
  }
}
