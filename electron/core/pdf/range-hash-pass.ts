/**
 * The body of the one-pass range hashing (shared-range-hash.ts) as one self-contained function: it runs on the
 * calling thread for small files and as an eval'd worker (`(${rangeHashPass})(…)`, like copy-hash-worker.ts) for
 * big ones, so it must not use anything from outside its own body and its arguments.
 *
 * The file is read once, in order, between the sorted boundaries of all ranges. Jobs whose hashes have taken
 * the same bytes so far share one hash state (a group); where a segment is covered by some members of a group
 * only, the others get a clone of the state as it is before the segment (`hash.copy()`). So the common prefix
 * of incremental updates is hashed once, and each job ends with exactly the digest of its own ranges, in order.
 * Only jobs with ascending, non-overlapping ranges come here (sharedPassFits).
 *
 * A head start (range-hash-thread.ts: a thread that hashed the file from byte 0 before the ranges were known)
 * stands for the reading of the first segment's first bytes: it serves only when the first segment starts at
 * byte 0 and the head start's algorithm is the only one taking it, and gives a state that has taken exactly
 * the file's bytes [0, at) for an `at` it chooses up to the segment's end; the segment is read on from there.
 */
export interface PassJob {
  ranges: [number, number][];
  algorithms: string[];
}

export interface HeadStart {
  algorithm: string;
  /** a state of `algorithm` over the file's bytes [0, at), at ≤ upTo; called at most once */
  take(upTo: number): { hash: import('node:crypto').Hash; at: number };
}

/** digests[job][algorithm]; throws an Error with code RANGE_BEYOND_EOF when the file is shorter than a range */
export function rangeHashPass(
  jobs: PassJob[],
  /** the file's path, or a descriptor open on it (not closed here) */
  file: string | number,
  fs: typeof import('node:fs'),
  createHash: typeof import('node:crypto').createHash,
  chunk: number,
  /** where in its allocation a buffer read from a position starts (files/aligned-buffer.ts bufferShift) */
  shiftFor: (readAt: number) => number,
  head?: HeadStart,
  /** the allocation to read into (`chunk` + 4096 bytes; one is made when not given) */
  space?: Buffer,
): Record<string, Uint8Array>[] {
  const make = (a: string) => (a === 'shake256' ? createHash(a, { outputLength: 64 }) : createHash(a));
  const clone = (h: import('node:crypto').Hash, a: string) =>
    a === 'shake256' ? h.copy({ outputLength: 64 }) : h.copy();
  const points = new Set<number>();
  for (const j of jobs) for (const [s, l] of j.ranges) if (l > 0) points.add(s).add(s + l);
  const bounds = [...points].sort((a, b) => a - b);
  const groups = new Map<string, { members: number[]; hash: import('node:crypto').Hash }[]>();
  jobs.forEach((j, i) => {
    for (const a of new Set(j.algorithms)) {
      const list = groups.get(a) ?? [{ members: [], hash: make(a) }];
      list[0]!.members.push(i);
      groups.set(a, list);
    }
  });
  const fd = typeof file === 'number' ? file : fs.openSync(file, 'r');
  try {
    // one allocation, a view placed for each segment's start (reads move on by `chunk`, a multiple of 4 KiB)
    const all = space ?? Buffer.allocUnsafeSlow(chunk + 4096);
    for (let k = 0; k + 1 < bounds.length; k++) {
      const p = bounds[k]!;
      const q = bounds[k + 1]!;
      const inSeg = jobs.map((j) => j.ranges.some(([s, l]) => s <= p && q <= s + l));
      const taking: { a: string; g: { hash: import('node:crypto').Hash } }[] = [];
      for (const [a, list] of groups) {
        for (const g of [...list]) {
          const yes = g.members.filter((m) => inSeg[m]);
          if (yes.length === 0) continue;
          const no = g.members.filter((m) => !inSeg[m]);
          if (no.length > 0) list.push({ members: no, hash: clone(g.hash, a) });
          g.members = yes;
          taking.push({ a, g });
        }
      }
      let from = p;
      // at byte 0, every group is still fresh: the one taking the segment may start from the head start
      if (head && p === 0 && taking.length === 1 && taking[0]!.a === head.algorithm) {
        const { hash, at } = head.take(q);
        taking[0]!.g.hash = hash;
        from = at;
      }
      const hashes = taking.map((x) => x.g.hash);
      const buf = all.subarray(shiftFor(from), shiftFor(from) + chunk);
      for (let pos = from; hashes.length > 0 && pos < q;) {
        const n = fs.readSync(fd, buf, 0, Math.min(chunk, q - pos), pos);
        if (n === 0)
          throw Object.assign(new Error('byte range beyond the end of the file'), {
            code: 'RANGE_BEYOND_EOF',
          });
        for (const h of hashes) h.update(buf.subarray(0, n));
        pos += n;
      }
    }
  } finally {
    if (typeof file !== 'number') fs.closeSync(fd);
  }
  const out: Record<string, Uint8Array>[] = jobs.map(() => ({}));
  for (const [a, list] of groups) {
    for (const g of list) {
      const d = g.hash.digest();
      for (const m of g.members) out[m]![a] = d;
    }
  }
  return out;
}
