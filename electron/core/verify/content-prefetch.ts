/**
 * The hashing of a big p7m's content, started from the file as soon as the command knows the file, before the
 * verification code is loaded (issue 22): a worker thread reads the content's bytes — their place is in the
 * file's first bytes for a DER content — and hashes them with the declared digest algorithms while the main
 * thread loads its modules and parses the file. The reader takes that hashing when it reaches the content and
 * finds it at the same place, with the same length, wanting no other algorithm, in the same unchanged file
 * (size, modification time, inode); else it hashes the content itself and the early work is cancelled. Every
 * check of the signature is unchanged; SIGILLO_NO_FAST=1 turns this off.
 */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Stats } from 'node:fs';
import { locateContent, type ContentPlace } from '../cms/signed-data-head';
import type { ContentHashOffer, TakenContentHash } from '../cms/signed-data-reader';
import { digestNameForOid } from '../cms/algorithms';
import { startCopyHash, type CopyHashJob } from '../files/copy-hash';
import { inputChanged } from '../files/input-file';
import { speedUpsOn } from '../files/speed-ups';
import { holdHashThread } from '../files/stream-hash';

/** smaller contents are hashed in a blink by the reader: no thread for them */
export const CONTENT_PREFETCH_MIN_BYTES = 16 * 1024 * 1024;
/** the content's place is in the first bytes of a DER p7m (ContentInfo, version, algorithms, type) */
const HEAD_BYTES = 64 * 1024;

interface Started {
  path: string;
  identity: Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>;
  place: ContentPlace;
  names: string[];
  job: CopyHashJob;
}

/** one at a time: the single big file a command was given */
let started: Started | undefined;

/** how many early hashings a reader took (for the tests) */
export const contentPrefetchTaken = { count: 0 };

const sameFile = (a: Started['identity'], b: Stats) =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

async function readHead(path: string): Promise<Uint8Array | undefined> {
  const fh = await open(path, 'r').catch(() => undefined);
  if (!fh) return undefined;
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await fh.close();
  }
}

/**
 * Starts hashing the content of `path` when it is a big DER p7m (else does nothing); true when started.
 * Never fails: any problem is left for the verification to find and report.
 */
export async function prefetchContentHash(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  if (!speedUpsOn(env) || started) return false;
  const full = resolve(path);
  const st = await stat(full).catch(() => undefined);
  if (!st?.isFile() || st.size < CONTENT_PREFETCH_MIN_BYTES) return false;
  const head = await readHead(full);
  const place = head && (await locateContent(head));
  if (!place || place.length < CONTENT_PREFETCH_MIN_BYTES) return false;
  const names = [...new Set(place.digestAlgorithmOids.map(digestNameForOid))];
  // an unknown algorithm is the reader's to judge; SHAKE is made with its output length on the reader's side
  if (names.length === 0 || names.some((n) => n === undefined || n.startsWith('shake'))) return false;
  const algorithms = names as string[];
  const job = startCopyHash({ input: full, algorithms, range: { from: place.from, length: place.length } });
  // one hash thread at a time, as for the reader's own (a nested level then hashes on the main thread)
  const release = holdHashThread();
  job.done.then(release, release);
  started = { path: full, identity: st, place, names: algorithms, job };
  return true;
}

/** what the reader of `path` is offered (see ReadSignedDataOptions.contentHash) */
export function contentHashOffer(path: string): ContentHashOffer {
  return { take: (from, length, names) => take(resolve(path), from, length, names) };
}

async function take(
  path: string,
  from: number,
  length: number,
  names: string[],
): Promise<TakenContentHash | undefined> {
  const s = started;
  if (!s || s.path !== path) return undefined;
  started = undefined;
  const fits = from === s.place.from && length === s.place.length && names.every((n) => s.names.includes(n));
  const now = fits ? await stat(path).catch(() => undefined) : undefined;
  if (!now || !sameFile(s.identity, now)) {
    void s.job.cancel();
    return undefined;
  }
  contentPrefetchTaken.count++;
  return {
    async digests() {
      if ((await s.job.done) !== length) throw inputChanged();
      const values = await s.job.digests();
      const by = new Map(s.names.map((n, i) => [n, new Uint8Array(values[i] as Buffer)]));
      return Object.fromEntries(names.map((n) => [n, by.get(n) as Uint8Array]));
    },
    cancel: () => void s.job.cancel(),
  };
}

/**
 * Stops the early hashing nobody took (the reader found something else, or the command ended first); true when
 * there was one.
 */
export async function cancelContentPrefetch(): Promise<boolean> {
  const s = started;
  started = undefined;
  await s?.job.cancel();
  return s !== undefined;
}
