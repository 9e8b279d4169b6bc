/**
 * Verifies a CMS signature file (p7m / p7s / p7, DER, BER, base64, PEM) by streaming it through B's
 * signed-data reader: the content is hashed as it passes, nested SignedData levels are read as their level
 * streams them (one pass; spooled and verified in turn with SIGILLO_NO_FAST=1) (depth 0 = outermost),
 * detached content is read from --content or beside the .p7s.
 */
import { access, stat } from 'node:fs/promises';
import { SigilloError, failure } from '../errors';
import { t } from '../i18n/translate';
import { readSignedData, type SignedDataSummary } from '../cms/signed-data-reader';
import type { FileVerifier, VerifyFileOptions } from './file-types';
import { looksLikeSignedData, NestedCapture } from './nested-capture';
import { NestedStream } from './nested-stream';
import { contentHashOffer, nestedContentHashOffer } from './content-prefetch';
import type { PassOver } from '../cms/signed-data-reader';
import type { ChunkChannel } from '../files/chunk-channel';
import { speedUpsOn } from '../files/speed-ups';
import type { SignatureReport } from './types';
import { levelSignatures } from './level-signatures';
import { FatturaPaPeek } from '../fatturapa/fatturapa-peek';
import { regularInput } from '../files/file-kind';
import { CMS_LIMITS, tooManyLevels } from '../cms/limits';
import { hashFile } from '../files/hash-file';
import { newHash, type HashName } from '../cms/algorithm-oids';
import { equalBytes } from '../cms/bytes';
import { besideNotSignedNote } from './beside-content';

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

/** the signature's name without .p7s/.p7m, when that file exists */
async function contentBeside(path: string): Promise<string | undefined> {
  const guess = path.replace(/\.(p7s|p7m)$/i, '');
  return guess !== path && (await exists(guess)) ? guess : undefined;
}

/** what a level is read from: the file (or its bytes, already read whole), or the stream of the level above */
interface LevelInput {
  /** the file read */
  path: string;
  /** the file named in messages, when `path` is a spooled level */
  name?: string;
  bytes?: Uint8Array;
  /** a nested level read as the level above streams it (read once: never read again) */
  stream?: ChunkChannel;
}

/** the content's hashing the command may have started early: a big p7m given alone, and its nested level */
function offerFor(input: LevelInput, depth: number) {
  if (input.bytes) return undefined;
  if (!input.stream) return depth === 0 ? contentHashOffer(input.path) : undefined;
  return depth === 1 ? nestedContentHashOffer(input.path) : undefined;
}

function sourceOf(input: LevelInput): string | AsyncIterable<Uint8Array> | Uint8Array {
  return input.stream ?? input.bytes ?? input.path;
}

/**
 * Thrown by a streamed nested level that must be read again (a signer's digest the SignedData did not
 * declare): the file is then verified again with nested levels spooled (the rare case keeps its answer).
 */
class ReadAgain extends Error {}

/** a second read of the level (every digest), which a streamed level cannot do */
function rereadOf(input: LevelInput, content?: string) {
  return (digests: string[]) => {
    if (input.stream) throw new ReadAgain('nested level read again');
    return readSignedData(sourceOf(input), { digests, detachedContent: content, reuseReads: true });
  };
}

interface ReadLevel {
  summary: SignedDataSummary;
  content?: string;
  /** a detached signature whose content was not given nor found beside it */
  missing?: boolean;
  /** the file found beside an attached signature, which is not its content */
  notSigned?: string;
}

/** whether the file holds exactly the content embedded in the SignedData (its length and digest) */
async function sameContent(file: string, summary: SignedDataSummary): Promise<boolean> {
  const [name, digest] = Object.entries(summary.contentDigests)[0] ?? [];
  const size = (await stat(file)).size;
  if (!name || !digest || size !== summary.contentLength) return false;
  return equalBytes(await hashFile(file, newHash(name as HashName), size), digest);
}

/**
 * Reads the SignedData with its detached content: --content, else the file beside it. A .p7s is detached as
 * a rule, so the file beside it is looked for first; any other file is read first and the content looked
 * for only when it turns out to be detached (no extra file check for the common attached .p7m).
 */
async function readWithContent(
  input: LevelInput,
  opts: VerifyFileOptions,
  depth: number,
  onContent: (chunk: Uint8Array) => Promise<void>,
  contentWanted?: () => boolean,
  passOver?: PassOver,
): Promise<ReadLevel> {
  const path = input.path;
  let content = depth === 0 ? opts.content : undefined;
  if (depth === 0 && !content && /\.p7s$/i.test(path)) content = await contentBeside(path);
  const read = async () => {
    if (content) await regularInput(content); // --content or a name beside it may be a FIFO or a device
    // onContent (NestedCapture) is done with each chunk when its promise settles: reads may reuse buffers
    return readSignedData(sourceOf(input), {
      onContent,
      detachedContent: content,
      reuseReads: true,
      contentHash: offerFor(input, depth),
      contentWanted,
      passOver,
      sourceSkip: input.stream && ((n, received) => input.stream?.skip(n, received)),
    });
  };
  let summary = await read();
  if (summary.detached && !content && depth === 0) {
    content = await contentBeside(path);
    if (content) summary = await read();
  }
  if (!summary.detached && content) {
    // RFC 5652 §5.2: embedded and detached content exclude each other — the file given is the content or no part of it
    if (await sameContent(content, summary)) return { summary };
    if (opts.content) throw failure('CONTENT_NOT_DETACHED', { file: content });
    return { summary, notSigned: content };
  }
  if (summary.detached && !content) {
    if (depth > 0) throw failure('CONTENT_NOT_FOUND', { file: input.name ?? path });
    // the top-level signature is still judged: everything but the content's digest (SIGNED_DATA_NOT_FOUND)
    return { summary: { ...summary, contentDigests: {} }, missing: true };
  }
  return { summary, content };
}

interface LevelResult {
  signatures: SignatureReport[];
  detached: boolean;
  content?: string;
}

function levelResult(
  summary: SignedDataSummary,
  signatures: SignatureReport[],
  content?: string,
): LevelResult {
  return { signatures, detached: summary.detached, content: summary.detached ? content : undefined };
}

async function judge(input: LevelInput, opts: VerifyFileOptions, depth: number, read: ReadLevel) {
  const { summary, content, missing, notSigned } = read;
  const signatures = await levelSignatures(summary, rereadOf(input, content), {
    trust: opts.trust,
    revocation: opts.revocation,
    now: opts.now,
    depth,
    poe: opts.poe,
    contentMissing: missing,
  });
  if (notSigned) for (const s of signatures) s.messages.push(besideNotSignedNote(notSigned));
  return signatures;
}

/** a level whose nested level is spooled to disk, then verified (SIGILLO_NO_FAST=1, and the rare read-again) */
async function verifySpooled(
  input: LevelInput,
  opts: VerifyFileOptions,
  depth: number,
  peek?: FatturaPaPeek,
): Promise<LevelResult> {
  const capture = new NestedCapture(peek?.sink);
  try {
    const read = await readWithContent(input, opts, depth, capture.onContent);
    const { summary, content } = read;
    const signatures = await judge(input, opts, depth, read);
    const nested = await capture.finish();
    if (nested) {
      if (depth + 1 >= CMS_LIMITS.levels) throw tooManyLevels();
      const inner = await verifySpooled(
        { path: nested, name: input.name ?? input.path },
        opts,
        depth + 1,
        peek,
      ).catch((e: unknown) => {
        throw innerLevelError(e, depth + 1);
      });
      signatures.push(...inner.signatures);
    }
    return levelResult(summary, signatures, content);
  } finally {
    await capture.cleanup();
  }
}

/** a level whose nested level is read while this one streams it (one pass over the file) */
async function verifyStreamed(
  input: LevelInput,
  opts: VerifyFileOptions,
  depth: number,
  peek?: FatturaPaPeek,
): Promise<LevelResult> {
  const next =
    depth + 1 >= CMS_LIMITS.levels
      ? undefined
      : (stream: ChunkChannel) => verifyStreamed({ path: input.path, stream }, opts, depth + 1, peek);
  const nested = new NestedStream(next, peek?.sink, peek?.wants);
  let read: ReadLevel;
  try {
    read = await readWithContent(input, opts, depth, nested.onContent, nested.wantsContent, nested.passOver);
  } catch (e) {
    await nested.cancel(e);
    throw e;
  }
  const inner = nested.finish();
  let signatures: SignatureReport[];
  try {
    signatures = await judge(input, opts, depth, read);
  } catch (e) {
    await inner;
    throw e;
  }
  const r = await inner;
  if (r.found) {
    if (r.refused) throw tooManyLevels();
    if ('error' in r) throw r.error instanceof ReadAgain ? r.error : innerLevelError(r.error, depth + 1);
    signatures.push(...r.value.signatures);
  }
  return levelResult(read.summary, signatures, read.content);
}

/** an inner level that cannot be read fails the file, with its reason and level */
function innerLevelError(e: unknown, level: number): unknown {
  if (!(e instanceof SigilloError) || e.details.level !== undefined) return e;
  const message = t(
    { it: 'Livello {level} (firma annidata): {m}', en: 'Level {level} (nested signature): {m}' },
    { level, m: e.message },
  );
  return new SigilloError(e.code, message, { ...e.details, level });
}

export function formatOf(signatures: SignatureReport[]): 'cades' | 'cms' {
  return signatures.some((s) => s.cadesForm !== 'CMS') ? 'cades' : 'cms';
}

export const cmsFileVerifier: FileVerifier = {
  name: 'cms',
  matches: (head) => looksLikeSignedData(head),
  async verify(path, opts, bytes) {
    let peek = new FatturaPaPeek();
    let level: LevelResult;
    try {
      level = await (speedUpsOn() ? verifyStreamed : verifySpooled)({ path, bytes }, opts, 0, peek);
    } catch (e) {
      if (!(e instanceof ReadAgain)) throw e;
      peek = new FatturaPaPeek();
      level = await verifySpooled({ path, bytes }, opts, 0, peek);
    }
    const fatturapa = peek.summary();
    return {
      format: formatOf(level.signatures),
      signatures: level.signatures,
      ...(level.content ? { content: level.content } : {}),
      ...(fatturapa ? { fatturapa } : {}),
    };
  },
};
