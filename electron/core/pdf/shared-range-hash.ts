/**
 * One pass over a PDF for the byte ranges of all its signatures (issue 22): the file is read once, in order,
 * and every signature's hash states take the bytes of its own ranges. Signatures whose hashes have taken the
 * same bytes so far share one hash state; where their ranges part (a gap of one, bytes only another covers),
 * the state is cloned (`hash.copy()`), so the common prefix of incremental updates is hashed once.
 * Each job gets exactly the digests of its ranges, in order — the same as hashRanges of that job alone.
 */
import { open } from 'node:fs/promises';
import type { Hash } from 'node:crypto';
import { newHash, type HashName } from '../verify/algorithms';
import { pdfBroken } from './pdf-errors';

export interface RangeJob {
  ranges: [number, number][];
  algorithms: HashName[];
}

/** 4 MiB reads, the next one already running while the current one is hashed */
const CHUNK = 4 << 20;

/** ranges the shared pass takes: whole numbers, ascending and not overlapping (others are hashed on their own) */
export function sharedPassFits(ranges: [number, number][]): boolean {
  let at = 0;
  for (const [s, l] of ranges) {
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(l) || s < at || l < 0) return false;
    at = s + l;
  }
  return Number.isSafeInteger(at);
}

interface Group {
  members: number[];
  hash: Hash;
}

/** does job `j` cover the segment [p, q) (its ranges ascending; boundaries include every range end) */
function covers(ranges: [number, number][], p: number, q: number): boolean {
  return ranges.some(([s, l]) => s <= p && q <= s + l);
}

/**
 * The digests of every job whose ranges fit the shared pass (undefined for the others); throws PDF_BROKEN when
 * a range goes beyond the end of the file.
 */
export async function hashRangeJobs(
  path: string,
  jobs: RangeJob[],
): Promise<(Map<HashName, Buffer> | undefined)[]> {
  const fit = jobs.map((j) => sharedPassFits(j.ranges));
  const points = new Set<number>();
  jobs.forEach((j, i) => {
    if (!fit[i]) return;
    for (const [s, l] of j.ranges) if (l > 0) points.add(s).add(s + l);
  });
  const bounds = [...points].sort((a, b) => a - b);
  // one list of groups per algorithm: at first every job needing it shares one fresh state
  const groups = new Map<HashName, Group[]>();
  jobs.forEach((j, i) => {
    if (!fit[i]) return;
    for (const a of new Set(j.algorithms)) {
      const list = groups.get(a) ?? [{ members: [], hash: newHash(a) }];
      list[0]!.members.push(i);
      groups.set(a, list);
    }
  });
  const fh = await open(path, 'r');
  try {
    const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const p = bounds[k]!;
      const q = bounds[k + 1]!;
      const inSeg = jobs.map((j, i) => fit[i]! && covers(j.ranges, p, q));
      const taking: Hash[] = [];
      for (const [a, list] of groups) {
        for (const g of [...list]) {
          const yes = g.members.filter((m) => inSeg[m]);
          if (yes.length === 0) continue;
          const no = g.members.filter((m) => !inSeg[m]);
          // the jobs that skip this segment keep the state as it is before it
          if (no.length > 0) list.push({ members: no, hash: copyHash(g.hash, a) });
          g.members = yes;
          taking.push(g.hash);
        }
      }
      if (taking.length === 0) continue;
      await readSegment(fh, bufs, p, q, (b) => {
        for (const h of taking) h.update(b);
      });
    }
  } finally {
    await fh.close();
  }
  const out: (Map<HashName, Buffer> | undefined)[] = jobs.map((_, i) => (fit[i] ? new Map() : undefined));
  for (const [a, list] of groups) {
    for (const g of list) {
      const d = g.hash.digest();
      for (const m of g.members) out[m]!.set(a, d);
    }
  }
  return out;
}

/** a clone of the state (SHAKE256 keeps its 64-byte output, which copy() alone would lose) */
function copyHash(h: Hash, a: HashName): Hash {
  return a === 'shake256' ? h.copy({ outputLength: 64 }) : h.copy();
}

/** reads [p, q) in chunks, the next read running while `take` hashes the current chunk */
async function readSegment(
  fh: import('node:fs/promises').FileHandle,
  bufs: Buffer[],
  p: number,
  q: number,
  take: (b: Buffer) => void,
): Promise<void> {
  const readAt = (pos: number, i: number) =>
    fh.read(bufs[i % 2]!, 0, Math.min(CHUNK, q - pos), pos).then((r) => {
      if (r.bytesRead === 0) throw pdfBroken('byte range beyond the end of the file');
      return r.bytesRead;
    });
  let pos = p;
  let i = 0;
  let next = readAt(pos, i);
  while (pos < q) {
    const n = await next;
    const cur = bufs[i % 2]!.subarray(0, n);
    pos += n;
    i++;
    if (pos < q) next = readAt(pos, i);
    take(cur);
  }
}
