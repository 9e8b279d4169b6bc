/**
 * A structure-aware hostile input: a file (or a path trick) built to hit one weakness of a parser — a bomb, a
 * cycle, a huge count, a lie about a length — rather than random bytes. `rand` varies sizes and counts between
 * runs (`npm run fuzz`), so each run tries other shapes of the same trick.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HostileCase {
  /** class/short-name, shown when a case fails */
  name: string;
  /** writes the input below `dir` and returns the path to give `sigillo verify` */
  make(dir: string): string;
}

/** a case that writes `bytes()` to `dir/fileName` */
export function bytesCase(name: string, fileName: string, bytes: () => Uint8Array | string): HostileCase {
  return {
    name,
    make(dir) {
      const p = join(dir, fileName);
      writeFileSync(p, bytes());
      return p;
    },
  };
}

export type Generator = (rand: () => number) => HostileCase[];

/** a small seeded PRNG (mulberry32): the same seed gives the same cases */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** an integer in [min, max] */
export function between(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}
