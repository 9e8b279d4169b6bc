/**
 * The V8 code cache of the CLI bundle (made at build time by build/scripts/bundle-cli.js, never written at run
 * time): a one-line JSON header, then V8's cached data. V8 itself checks only the source's length, its version
 * and its flags, and trusts the bytes, so the header binds the data to the exact bundle bytes (SHA-256), to this
 * V8 and CPU architecture, and to its own SHA-256 and length: anything else — another bundle of the same length,
 * another Node, random bytes, a cut file — is not handed to V8 and the bundle is compiled as usual.
 */
import { createHash } from 'node:crypto';

const MAGIC = 'sigillo-code-cache/1';
/** the header line is never longer than this */
const HEADER_MAX = 512;

export type CacheVerdict =
  | { data: Buffer }
  /** no cache file / not our format or cut or changed / made for other bundle bytes / made by another V8 */
  | { reason: 'missing' | 'corrupt' | 'stale' | 'other-v8' };

interface Header {
  magic: string;
  bundle: string;
  data: string;
  length: number;
  v8: string;
  arch: string;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** the cache file for `data` made by V8 from `bundle` (what the build writes) */
export function encodeCodeCache(bundle: Buffer, data: Buffer): Buffer {
  const header: Header = {
    magic: MAGIC,
    bundle: sha256(bundle),
    data: sha256(data),
    length: data.length,
    v8: process.versions.v8,
    arch: process.arch,
  };
  return Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'latin1'), data]);
}

function readHeader(file: Buffer): { header: Header; data: Buffer } | undefined {
  const end = file.subarray(0, HEADER_MAX).indexOf(0x0a);
  if (end < 0) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(file.toString('latin1', 0, end));
  } catch {
    return undefined;
  }
  const h = header as Partial<Header> | null;
  if (typeof h !== 'object' || h === null || h.magic !== MAGIC) return undefined;
  const texts = [h.bundle, h.data, h.v8, h.arch];
  if (!texts.every((t) => typeof t === 'string') || !Number.isSafeInteger(h.length)) return undefined;
  return { header: h as Header, data: file.subarray(end + 1) };
}

/** the V8 data of a cache file when it was made from exactly these bundle bytes by this V8, else why not */
export function checkCodeCache(bundle: Buffer, file: Buffer | undefined): CacheVerdict {
  if (!file) return { reason: 'missing' };
  const read = readHeader(file);
  if (!read) return { reason: 'corrupt' };
  const { header, data } = read;
  if (header.v8 !== process.versions.v8 || header.arch !== process.arch) return { reason: 'other-v8' };
  if (data.length !== header.length || sha256(data) !== header.data) return { reason: 'corrupt' };
  if (sha256(bundle) !== header.bundle) return { reason: 'stale' };
  return { data };
}
