/**
 * The hashing of a big p7m's content, started from the file as soon as the command knows the file, before the
 * verification code is loaded (issue 22): a worker thread reads the content's bytes — their place is in the
 * file's first bytes for a DER content — and hashes them with the declared digest algorithms while the main
 * thread loads its modules and parses the file. The reader takes that hashing when it reaches the content and
 * finds it at the same place, with the same length, wanting no other algorithm, in the same unchanged file
 * (size, modification time, inode); else it hashes the content itself and the early work is cancelled. When
 * that content is itself a big DER SignedData (a p7m signed again, whose head is in the same first bytes), its
 * own content is hashed by a second worker: the next level's reader, fed by the outer level's stream, takes it
 * under the same conditions (its offsets counted from where the outer reader took the outer content) and asks the
 * outer level to pass over those bytes in the file (files/chunk-channel.ts `skip`). Every check of the signature
 * is unchanged; SIGILLO_NO_FAST=1 turns this off.
 */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { locateContent, type ContentPlace } from '../cms/signed-data-head';
import type { ContentHashOffer, TakenContentHash } from '../cms/signed-data-reader';
import { digestNameForOid } from '../cms/algorithms';
import { startCopyHash, type CopyHashJob } from '../files/copy-hash';
import { inputChanged } from '../files/input-file';
import { fileStamp, sameStamp, stampOf, type FileStamp } from '../files/file-stamp';
import { speedUpsOn } from '../files/speed-ups';
import { holdHashThread } from '../files/stream-hash';

/** smaller contents are hashed in a blink by the reader: no thread for them */
export const CONTENT_PREFETCH_MIN_BYTES = 16 * 1024 * 1024;
/** the content's place is in the first bytes of a DER p7m (ContentInfo, version, algorithms, type) */
const HEAD_BYTES = 64 * 1024;

/** one byte range of the file being hashed */
interface Range {
  place: ContentPlace;
  names: string[];
  job: CopyHashJob;
}

interface Started {
  path: string;
  identity: FileStamp;
  /** the content of the file's SignedData, until its reader takes it */
  outer?: Range;
  /** the content of the SignedData that content is (a p7m signed again), until the next level's reader takes it */
  inner?: Range;
  /** where the outer reader took its content: the next level's offsets count from there */
  innerBase?: number;
}

/** one at a time: the single big file a command was given */
let started: Started | undefined;

/** how many early hashings a reader took (for the tests) */
export const contentPrefetchTaken = { count: 0, inner: 0 };

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

/** the algorithms to hash a place with, when the worker can (an unknown one or SHAKE is the reader's to do) */
function hashNames(place: ContentPlace): string[] | undefined {
  const names = [...new Set(place.digestAlgorithmOids.map(digestNameForOid))];
  if (names.length === 0 || names.some((n) => n === undefined || n.startsWith('shake'))) return undefined;
  return names as string[];
}

function startRange(path: string, place: ContentPlace, names: string[]): Range {
  const job = startCopyHash({
    input: path,
    algorithms: names,
    range: { from: place.from, length: place.length },
  });
  // counted as hash threads, as the reader's own are (a level that hashes itself then does it on this thread)
  const release = holdHashThread();
  job.done.then(release, release);
  return { place, names, job };
}

/**
 * The content of the content: when the outer content is itself a big DER SignedData whose head is in the file's
 * first bytes, its own content's place in the file (inside the outer content, or nothing).
 */
async function innerPlace(head: Uint8Array, outer: ContentPlace): Promise<ContentPlace | undefined> {
  if (outer.from >= head.length) return undefined;
  const rel = await locateContent(head.subarray(outer.from));
  if (!rel || rel.length < CONTENT_PREFETCH_MIN_BYTES) return undefined;
  const from = outer.from + rel.from;
  if (from + rel.length > outer.from + outer.length) return undefined;
  return { ...rel, from };
}

/**
 * Starts hashing the content of `path` when it is a big DER p7m (else does nothing), and the content of its
 * content when that is a big DER p7m too (a p7m signed again: one worker per level); true when started.
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
  const names = hashNames(place);
  if (!names) return false;
  const inner = await innerPlace(head, place);
  const innerNames = inner && hashNames(inner);
  started = {
    path: full,
    identity: stampOf(st),
    outer: startRange(full, place, names),
    inner: inner && innerNames ? startRange(full, inner, innerNames) : undefined,
  };
  return true;
}

/** what the reader of `path` is offered (see ReadSignedDataOptions.contentHash) */
export function contentHashOffer(path: string): ContentHashOffer {
  return { take: (from, length, names) => take(resolve(path), from, length, names, false) };
}

/**
 * What the reader of the SignedData in the content of `path` is offered (read as the outer level streams its
 * content: its offsets count from the outer content's first byte, which the outer reader must have taken).
 */
export function nestedContentHashOffer(path: string): ContentHashOffer {
  return { take: (from, length, names) => take(resolve(path), from, length, names, true) };
}

async function take(
  path: string,
  from: number,
  length: number,
  names: string[],
  nested: boolean,
): Promise<TakenContentHash | undefined> {
  const s = started;
  if (!s || s.path !== path) return undefined;
  const r = nested ? s.inner : s.outer;
  const base = nested ? s.innerBase : 0;
  if (nested) s.inner = undefined;
  else s.outer = undefined;
  if (!s.outer && !s.inner) started = undefined;
  if (!r) return undefined;
  const fits =
    base !== undefined &&
    base + from === r.place.from &&
    length === r.place.length &&
    names.every((n) => r.names.includes(n));
  const now = fits ? await fileStamp(path) : null;
  if (!sameStamp(s.identity, now)) {
    void r.job.cancel();
    // the next level's offsets count from this content's, unknown now: its hashing is no use either
    if (!nested) void cancelContentPrefetch();
    return undefined;
  }
  if (nested) contentPrefetchTaken.inner++;
  else {
    contentPrefetchTaken.count++;
    s.innerBase = from;
  }
  return {
    async digests() {
      if ((await r.job.done) !== length) throw inputChanged();
      const values = await r.job.digests();
      const by = new Map(r.names.map((n, i) => [n, new Uint8Array(values[i] as Buffer)]));
      return Object.fromEntries(names.map((n) => [n, by.get(n) as Uint8Array]));
    },
    cancel: () => void r.job.cancel(),
  };
}

/**
 * Stops the early hashing nobody took (the reader found something else, or the command ended first); true when
 * there was one.
 */
export async function cancelContentPrefetch(): Promise<boolean> {
  const s = started;
  started = undefined;
  await Promise.all([s?.outer?.job.cancel(), s?.inner?.job.cancel()]);
  return s !== undefined;
}
