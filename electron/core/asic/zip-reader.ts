/**
 * A small, defensive ZIP reader for ASiC containers: the central directory (end record searched in the last
 * 64 KiB), stored and deflated entries (zlib inflateRaw with an output cap), CRC-32 checked. Caps against zip
 * bombs (entry count, sizes, compression ratio — the DSS defaults: 1000 files, ratio 100 above 1 MB); entry
 * names checked against zip-slip (no absolute paths, drive letters, backslashes, '..' or empty segments), no
 * two names that a case-insensitive file system would merge, no symlink entries, and the local header must
 * name the same entry as the central directory (two readers must not see two different files). Streaming
 * readers (Java's ZipInputStream, which DSS reads containers with) walk the local records instead of the central
 * directory, so the two must describe the same files: the local records tile the file from offset 0 to the
 * central directory with no gap, each agreeing with its central record on CRC, sizes and flags (APPNOTE
 * 4.4.4-4.4.9; with bit 3 the data descriptor agrees), and the central directory holds exactly the records the
 * end record counts, up to the end record. ZIP64, multi-disk and encrypted archives are refused. Every refusal
 * is a SigilloError with a ZIP_* code.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import { SigilloError, failureOf } from '../errors';
import type { AsicMessageKey } from '../i18n/messages/asic';

export const ZIP_LIMITS = {
  maxEntries: 1000,
  maxCentralDirectory: 16 * 1024 * 1024,
  /** one entry, uncompressed (an entry is read whole into memory) */
  maxEntryBytes: 128 * 1024 * 1024,
  /** all entries, uncompressed */
  maxTotalBytes: 1024 * 1024 * 1024,
  /** uncompressed / compressed, for entries over `ratioFrom` bytes */
  maxRatio: 100,
  ratioFrom: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isDirectory: boolean;
  /** Unix mode bits from the external attributes when made on Unix, else 0 */
  unixMode: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** flags that change what a reader makes of a record: encrypted, data descriptor, strong encryption, UTF-8
 * name, masked local header */
const FLAGS_THAT_MATTER = 0x0001 | 0x0008 | 0x0040 | 0x0800 | 0x2000;

function zipError(key: AsicMessageKey, reason: string): SigilloError {
  return failureOf(key, { reason });
}

/** A name that is safe to extract below a folder (zip-slip). */
export function safeEntryName(name: string): boolean {
  if (name === '' || name.includes('\0') || name.includes('\\') || name.startsWith('/')) return false;
  if (/^[A-Za-z]:/.test(name)) return false;
  const parts = name.replace(/\/$/, '').split('/');
  return parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  if (bytesRead !== length) throw zipError('ZIP_TRUNCATED', 'truncated');
  return buf;
}

function parseCentral(cd: Buffer, count: number, flagsOf: Map<ZipEntry, number>): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CEN)
      throw zipError('ZIP_MALFORMED', 'central directory');
    const flags = cd.readUInt16LE(p + 8);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    if (p + 46 + nameLen > cd.length) throw zipError('ZIP_MALFORMED', 'central directory');
    const raw = cd.subarray(p + 46, p + 46 + nameLen);
    const name = raw.toString(flags & 0x800 ? 'utf8' : 'latin1');
    if (flags & 0x1) throw zipError('ZIP_ENCRYPTED', `encrypted entry ${name}`);
    const e: ZipEntry = {
      name,
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      isDirectory: name.endsWith('/'),
      unixMode: cd.readUInt8(p + 5) === 3 ? cd.readUInt32LE(p + 38) >>> 16 : 0,
    };
    if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.localOffset === 0xffffffff)
      throw zipError('ZIP_UNSUPPORTED', 'ZIP64');
    if (!safeEntryName(name)) throw zipError('ZIP_UNSAFE_PATH', `unsafe entry name ${JSON.stringify(name)}`);
    if ((e.unixMode & 0o170000) === 0o120000)
      throw zipError('ZIP_SYMLINK_ENTRY', `symbolic link entry ${JSON.stringify(name)}`);
    entries.push(e);
    flagsOf.set(e, flags);
    p += 46 + nameLen + extraLen + commentLen;
  }
  // records beyond the count would be listed by readers that walk the directory by its size (Python, unzip)
  if (p !== cd.length) throw zipError('ZIP_MALFORMED', 'central directory size and entry count disagree');
  return entries;
}

/**
 * The local record of `e` (header, name, extra, data, data descriptor when flagged) agrees with its central
 * record; returns where the record ends.
 */
async function localRecordEnd(
  fh: FileHandle,
  e: ZipEntry,
  centralFlags: number,
  limit: number,
): Promise<number> {
  if (e.localOffset + 30 > limit) throw zipError('ZIP_MALFORMED', `local header of ${e.name}`);
  const local = await readAt(fh, e.localOffset, 30);
  if (local.readUInt32LE(0) !== LOC) throw zipError('ZIP_MALFORMED', `local header of ${e.name}`);
  const flags = local.readUInt16LE(6);
  if ((flags & FLAGS_THAT_MATTER) !== (centralFlags & FLAGS_THAT_MATTER))
    throw zipError('ZIP_MALFORMED', `local header of ${e.name}: other flags`);
  const crc = local.readUInt32LE(14);
  const csize = local.readUInt32LE(18);
  const size = local.readUInt32LE(22);
  // with a data descriptor (bit 3) the descriptor holds them and the local fields are zero (APPNOTE 4.4.4;
  // Info-ZIP's zip still writes the sizes of a stored entry)
  const agrees = (local: number, central: number) => local === central || (flags & 0x8 && local === 0);
  if (!agrees(crc, e.crc) || !agrees(csize, e.compressedSize) || !agrees(size, e.size))
    throw zipError('ZIP_MALFORMED', `local header of ${e.name}: other CRC or sizes`);
  let end = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28) + e.compressedSize;
  if (flags & 0x8) {
    // signature optional (APPNOTE 4.3.9.3); read as Java's ZipInputStream does: signed when it begins so
    const d = await readAt(fh, end, Math.max(0, Math.min(16, limit - end)));
    const at = d.length >= 4 && d.readUInt32LE(0) === DESCRIPTOR ? 4 : 0;
    if (
      d.length < at + 12 ||
      d.readUInt32LE(at) !== e.crc ||
      d.readUInt32LE(at + 4) !== e.compressedSize ||
      d.readUInt32LE(at + 8) !== e.size
    )
      throw zipError('ZIP_MALFORMED', `data descriptor of ${e.name}`);
    end += at + 12;
  }
  return end;
}

/**
 * The local records tile the file from offset 0 to the central directory: no record shared by two entries
 * (a "better zip bomb"), no bytes between records where a streaming reader would find other data or another
 * file, no record missing from the central directory, no prefix.
 */
function checkTiling(entries: ZipEntry[], ends: Map<ZipEntry, number>, cdOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let at = 0;
  for (const e of sorted) {
    if (e.localOffset < at) throw zipError('ZIP_MALFORMED', `overlapping entry ${e.name}`);
    if (e.localOffset > at) throw zipError('ZIP_MALFORMED', `unlisted bytes before entry ${e.name}`);
    at = ends.get(e) ?? at;
  }
  if (at > cdOffset) throw zipError('ZIP_MALFORMED', 'overlapping entry and central directory');
  if (at < cdOffset) throw zipError('ZIP_MALFORMED', 'unlisted bytes before the central directory');
}

/** The name as a case-insensitive, normalising file system (Windows, macOS) would store it. */
export function foldedName(name: string): string {
  return name.replace(/\/$/, '').normalize('NFC').toLowerCase();
}

function checkCaps(entries: ZipEntry[]): void {
  const names = new Map<string, string>();
  let total = 0;
  for (const e of entries) {
    const folded = foldedName(e.name);
    const seen = names.get(folded);
    if (seen !== undefined)
      throw zipError('ZIP_DUPLICATE_NAME', `entries ${JSON.stringify(seen)} and ${JSON.stringify(e.name)}`);
    names.set(folded, e.name);
    total += e.size;
    const ratio = e.compressedSize > 0 ? e.size / e.compressedSize : Infinity;
    if (
      e.size > ZIP_LIMITS.maxEntryBytes ||
      total > ZIP_LIMITS.maxTotalBytes ||
      (e.size > ZIP_LIMITS.ratioFrom && ratio > ZIP_LIMITS.maxRatio)
    )
      throw zipError('ZIP_TOO_LARGE', `entry ${e.name} too large or too compressed (zip bomb?)`);
    if (e.method !== 0 && e.method !== 8) throw zipError('ZIP_UNSUPPORTED', `compression method ${e.method}`);
  }
}

export class ZipReader {
  private constructor(
    private readonly fh: FileHandle,
    private readonly fileSize: number,
    readonly entries: ZipEntry[],
  ) {}

  static async open(path: string): Promise<ZipReader> {
    const fh = await open(path, 'r');
    try {
      const size = (await fh.stat()).size;
      const tailLen = Math.min(size, 65_557);
      const tail = await readAt(fh, size - tailLen, tailLen);
      let at = -1;
      for (let i = tail.length - 22; i >= 0; i--) {
        // the record found must end exactly where its comment ends (a comment may contain the signature)
        if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
          at = i;
          break;
        }
      }
      if (at < 0) throw zipError('ZIP_MALFORMED', 'no end of central directory');
      const count = tail.readUInt16LE(at + 10);
      if (tail.readUInt16LE(at + 8) !== count)
        throw zipError('ZIP_MALFORMED', 'end of central directory: two entry counts');
      const cdSize = tail.readUInt32LE(at + 12);
      const cdOffset = tail.readUInt32LE(at + 16);
      if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0)
        throw zipError('ZIP_UNSUPPORTED', 'multi-disk');
      if (count === 0xffff || cdOffset === 0xffffffff) throw zipError('ZIP_UNSUPPORTED', 'ZIP64');
      if (count > ZIP_LIMITS.maxEntries)
        throw zipError('ZIP_TOO_MANY_ENTRIES', `${count} entries (at most ${ZIP_LIMITS.maxEntries})`);
      if (cdSize > ZIP_LIMITS.maxCentralDirectory || cdOffset + cdSize > size)
        throw zipError('ZIP_MALFORMED', 'central directory out of bounds');
      // the directory ends where the end record begins (Python shifts every offset by any difference)
      if (cdOffset + cdSize !== size - tailLen + at)
        throw zipError('ZIP_MALFORMED', 'bytes between central directory and its end record');
      const flagsOf = new Map<ZipEntry, number>();
      const entries = parseCentral(await readAt(fh, cdOffset, cdSize), count, flagsOf);
      checkCaps(entries);
      const ends = new Map<ZipEntry, number>();
      for (const e of entries) ends.set(e, await localRecordEnd(fh, e, flagsOf.get(e) ?? 0, cdOffset));
      checkTiling(entries, ends, cdOffset);
      return new ZipReader(fh, size, entries);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  find(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /** The uncompressed bytes of an entry, CRC-checked. */
  async read(e: ZipEntry): Promise<Buffer> {
    const local = await readAt(this.fh, e.localOffset, 30);
    if (local.readUInt32LE(0) !== LOC) throw zipError('ZIP_MALFORMED', `local header of ${e.name}`);
    const nameLen = local.readUInt16LE(26);
    const localName = await readAt(this.fh, e.localOffset + 30, nameLen);
    if (!localName.equals(Buffer.from(e.name, local.readUInt16LE(6) & 0x800 ? 'utf8' : 'latin1')))
      throw zipError('ZIP_MALFORMED', `local header of ${e.name} names another entry`);
    if (local.readUInt16LE(8) !== e.method)
      throw zipError('ZIP_MALFORMED', `local header of ${e.name}: another compression method`);
    const start = e.localOffset + 30 + nameLen + local.readUInt16LE(28);
    if (start + e.compressedSize > this.fileSize) throw zipError('ZIP_TRUNCATED', e.name);
    const data = await readAt(this.fh, start, e.compressedSize);
    let out: Buffer;
    try {
      if (e.method === 0) out = data;
      else {
        const r = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1), info: true }) as unknown as {
          buffer: Buffer;
          engine: { bytesWritten: number };
        };
        // bytes after the end of the deflate stream: a streaming reader would look there for what follows
        if (r.engine.bytesWritten !== data.length) throw new Error('trailing bytes');
        out = r.buffer;
      }
    } catch {
      throw zipError('ZIP_MALFORMED', `cannot inflate ${e.name}`);
    }
    if (out.length !== e.size || crc32(out) !== e.crc)
      throw zipError('ZIP_MALFORMED', `CRC or size of ${e.name}`);
    return out;
  }

  /** The first local entry's name (ASiC wants "mimetype" first, stored). */
  async firstLocalName(): Promise<string | undefined> {
    const local = await readAt(this.fh, 0, 30).catch(() => undefined);
    if (!local || local.readUInt32LE(0) !== LOC) return undefined;
    return (await readAt(this.fh, 30, local.readUInt16LE(26))).toString('latin1');
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}
