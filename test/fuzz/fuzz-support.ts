/**
 * Shared pieces of the fuzz tests: run counts (a few hundred in `npm test`, FUZZ_RUNS for `npm run fuzz`),
 * byte mutators for structured binary input (bit flips, byte changes, truncation, insertion, deletion,
 * duplicated slices, DER/BER length-field rewrites), a per-input time limit, and the regression corpus.
 */
import fc from 'fast-check';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { SigilloError } from '../../electron/core/errors';

/** `n` in the normal suite; FUZZ_RUNS (e.g. 10000, `npm run fuzz`) scales every property the same way. */
export function runs(n: number): number {
  const wanted = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(wanted) && wanted > 0 ? Math.round((wanted * n) / 200) : n;
}

/** test timeout fitting the run count (about 20 ms an input, at least 60 s) */
export function fuzzTimeout(n: number): number {
  return Math.max(60_000, runs(n) * 20);
}

export const PER_INPUT_MS = 1000;

/** Runs `fn`; fails when it takes longer than `ms` (a hang), returns its outcome otherwise. */
export async function withinTime<T>(fn: () => Promise<T>, ms = PER_INPUT_MS): Promise<T> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`input took longer than ${ms} ms`)), ms);
  });
  // a synchronous or microtask-only loop starves the timer: the elapsed time is checked afterwards as well
  const checkTime = (): void => {
    const took = performance.now() - t0;
    if (took > ms) throw new Error(`input took ${took.toFixed(0)} ms (limit ${ms} ms)`);
  };
  let result: T;
  try {
    result = await Promise.race([fn(), timeout]);
  } catch (e) {
    checkTime();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  checkTime();
  return result;
}

/** The outcome every parser must have: a value, or a SigilloError (anything else is rethrown: a bug). */
export async function structured<T>(fn: () => Promise<T> | T): Promise<T | SigilloError> {
  try {
    return await withinTime(async () => fn());
  } catch (e) {
    if (e instanceof SigilloError) return e;
    throw e;
  }
}

/** Positions that look like the start of a DER/BER length (after a tag byte of a universal/context type). */
function lengthPositions(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < b.length && out.length < 4096; i++) {
    const tag = b[i]!;
    if (
      tag === 0x30 ||
      tag === 0x31 ||
      tag === 0x04 ||
      tag === 0x06 ||
      tag === 0x02 ||
      (tag & 0xe0) === 0xa0
    ) {
      out.push(i + 1);
    }
  }
  return out;
}

const INTERESTING_LENGTHS: number[][] = [
  [0x00],
  [0x7f],
  [0x80],
  [0x81, 0xff],
  [0x82, 0xff, 0xff],
  [0x84, 0xff, 0xff, 0xff, 0xff],
  [0x86, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
  [0x87, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
  [0x89, 0x01, 0, 0, 0, 0, 0, 0, 0, 0],
  [0x8f],
  [0xff],
];

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'length'; which: number; value: number[] };

function splice(b: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  return Buffer.concat([b.subarray(0, at), insert, b.subarray(Math.min(b.length, at + remove))]);
}

export function applyMutation(base: Uint8Array, m: Mutation): Uint8Array {
  const n = base.length;
  const at = n === 0 ? 0 : m.kind === 'length' ? 0 : (m as { at: number }).at % (n + 1);
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(base);
      if (at < n) out[at] = out[at]! ^ (1 << m.bit);
      return out;
    }
    case 'set': {
      const out = Buffer.from(base);
      if (at < n) out[at] = m.value;
      return out;
    }
    case 'truncate':
      return base.subarray(0, at);
    case 'insert':
      return splice(base, at, 0, m.bytes);
    case 'delete':
      return splice(base, at, m.count, new Uint8Array(0));
    case 'duplicate':
      return splice(base, at, 0, base.subarray(at, at + m.count));
    case 'length': {
      const positions = lengthPositions(base);
      if (positions.length === 0) return base;
      const pos = positions[m.which % positions.length]!;
      const first = base[pos]!;
      const oldLen = first & 0x80 && first !== 0x80 ? 1 + (first & 0x7f) : 1;
      return splice(base, pos, oldLen, Uint8Array.from(m.value));
    }
  }
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 512 }),
  }),
  fc.record({
    kind: fc.constant('length' as const),
    which: fc.nat(),
    value: fc.oneof(
      fc.constantFrom(...INTERESTING_LENGTHS),
      fc.integer({ min: 0, max: 0x7f }).map((v) => [v]),
    ),
  }),
);

/** One to four mutations applied in turn to one of the base inputs. */
export function mutatedArb(bases: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.nat(bases.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
    .map(([i, ms]) => ms.reduce((b, m) => applyMutation(b, m), bases[i]!));
}

export const CORPUS = join(__dirname, 'corpus');

/** The regression inputs kept for one target (files under test/fuzz/corpus/<target>/). */
export function corpusFiles(target: string): { name: string; bytes: Buffer }[] {
  const dir = join(CORPUS, target);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.') && n !== 'README.md')
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** Saves a crashing input (set FUZZ_SAVE=1) so it becomes a regression case; returns its path. */
export function saveCrasher(target: string, bytes: Uint8Array): string | undefined {
  if (process.env.FUZZ_SAVE !== '1') return undefined;
  const dir = join(CORPUS, target);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `crash-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.bin`);
  writeFileSync(path, bytes);
  return path;
}

/** An async iterable handing `bytes` over in chunks of `size` (exercises chunk boundaries). */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}
