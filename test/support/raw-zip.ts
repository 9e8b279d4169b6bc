/**
 * A ZIP written byte by byte, so that a test can lie in it: any entry name (../, absolute, backslashes, case
 * twins), Unix symlink entries, declared sizes that differ from the data, another name in the local header,
 * deflated or stored data. Used by the ZIP/ASiC limit tests and the ZIP fuzz generator.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** default: deflate when it is shorter */
  method?: 0 | 8;
  /** Unix mode in the external attributes (e.g. 0o120777 for a symlink) */
  unixMode?: number;
  /** the name written in the local header (default `name`) */
  localName?: string;
  /** the uncompressed size declared (default the real one) */
  declaredSize?: number;
}

function header(fields: [number, 2 | 4][]): Buffer {
  const b = Buffer.alloc(fields.reduce((n, [, w]) => n + w, 0));
  let p = 0;
  for (const [v, w] of fields) {
    if (w === 2) b.writeUInt16LE(v, p);
    else b.writeUInt32LE(v >>> 0, p);
    p += w;
  }
  return b;
}

/** The ZIP bytes of `entries`, in order (put `mimetype` first, stored, for an ASiC). */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const deflated = deflateRawSync(e.data);
    const method = e.method ?? (deflated.length < e.data.length ? 8 : 0);
    const stored = method === 8 ? deflated : Buffer.from(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const localName = Buffer.from(e.localName ?? e.name, 'utf8');
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = 0x800;
    // the fields local header and central directory share, from "version needed" to the uncompressed size
    const shared: [number, 2 | 4][] = [
      [20, 2],
      [flags, 2],
      [method, 2],
      [0, 2],
      [0x21, 2],
      [crc, 4],
      [stored.length, 4],
      [size, 4],
    ];
    const local = Buffer.concat([
      header([[0x04034b50, 4], ...shared, [localName.length, 2], [0, 2]]),
      localName,
      stored,
    ]);
    const madeBy = e.unixMode !== undefined ? (3 << 8) | 20 : 20;
    const attributes = ((e.unixMode ?? 0) << 16) >>> 0;
    centrals.push(
      Buffer.concat([
        header([
          [0x02014b50, 4],
          [madeBy, 2],
          ...shared,
          [name.length, 2],
          [0, 2],
          [0, 2],
          [0, 2],
          [0, 2],
          [attributes, 4],
          [offset, 4],
        ]),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = header([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [entries.length, 2],
    [entries.length, 2],
    [cd.length, 4],
    [offset, 4],
    [0, 2],
  ]);
  return Buffer.concat([...locals, cd, eocd]);
}

export const ASIC_E_MIMETYPE: RawEntry = {
  name: 'mimetype',
  data: Buffer.from('application/vnd.etsi.asic-e+zip'),
  method: 0,
};
