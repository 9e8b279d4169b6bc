/**
 * Streaming writer of an attached DER SignedData into an open file. The content is copied (and hashed by the
 * caller) into place after a header whose size is computed from estimated signer infos; once signed, the real
 * header is written at offset 0 and the certificates + signer infos after the content. If the real header has
 * a different size (a length crossing a DER length-of-length boundary), the content is copied a second time.
 * The content is never held in memory.
 */
import type { FileHandle } from 'node:fs/promises';
import { writeFully } from '../files/write-fully';
import { inputChanged } from '../files/input-file';
import { signedDataHead, signedDataTail, type SignedDataParts } from './signed-data';

/** `release` (optional) is called once the chunk has been written: its buffer may then be reused */
export type ChunkWriter = (chunk: Uint8Array, release?: () => void) => Promise<void>;

/** How the content gets into the file: exactly one of the two (pass 2 happens only when the header size changed). */
type ContentCopy =
  | {
      /** streams the content to `write` in order */
      copyContent(write: ChunkWriter, pass: 1 | 2): Promise<void>;
      copyContentAt?: never;
    }
  | {
      /** puts the content into `out` from `offset` by itself (copy-hash.ts), telling how far it got; returns the bytes written */
      copyContentAt(offset: number, pass: 1 | 2, progressed: (written: number) => void): Promise<number>;
      copyContent?: never;
    };

export type AttachedWriteInput = ContentCopy & {
  out: FileHandle;
  contentLength: number;
  /** everything but the signer infos */
  parts: Omit<SignedDataParts, 'signerInfos'>;
  /** signer infos of the expected final sizes (any bytes), to place the content */
  signerInfoEstimate: Uint8Array[];
  /** called after pass 1: the final signer infos (the content digest is known by then) */
  makeSignerInfos(): Promise<Uint8Array[]>;
};

export interface AttachedWriteResult {
  /** bytes written */
  size: number;
  /** 2 when the content had to be copied again */
  passes: 1 | 2;
}

/** Writes at most this many chunks at once: the next chunk is read and hashed while earlier ones are written. */
const WRITES_IN_FLIGHT = 3;

/**
 * Every this many bytes written, an fdatasync is started in the background (one at a time): the disk writes
 * overlap the hashing, and the fsync before the rename (atomic-output.ts) only has the tail left to flush.
 */
const EARLY_FLUSH_BYTES = 64 * 1024 * 1024;

/** Starts an fdatasync in the background every EARLY_FLUSH_BYTES (one at a time). */
function earlyFlusher(out: FileHandle, from: number) {
  let flushedAt = from;
  let flushing: Promise<void> | undefined;
  return {
    advance(pos: number): void {
      if (flushing || pos - flushedAt < EARLY_FLUSH_BYTES) return;
      flushedAt = pos;
      // errors surface again at the final fsync; this one only starts the writeback early
      flushing = out.datasync().then(
        () => (flushing = undefined),
        () => (flushing = undefined),
      );
    },
    settled: (): Promise<void> => flushing ?? Promise.resolve(),
  };
}

/** Writes chunks handed over in order, a few at a time, from `offset`; returns the bytes written. */
async function copyThroughWriter(
  out: FileHandle,
  copyContent: (write: ChunkWriter, pass: 1 | 2) => Promise<void>,
  offset: number,
  pass: 1 | 2,
  flusher: ReturnType<typeof earlyFlusher>,
): Promise<number> {
  let pos = offset;
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const check = (): void => {
    if (failure) throw failure.error;
  };
  try {
    await copyContent(async (chunk, release) => {
      check();
      const p: Promise<void> = writeFully(out, chunk, pos).then(
        () => {
          inFlight.delete(p);
          release?.();
        },
        (e: unknown) => {
          inFlight.delete(p);
          failure ??= { error: e };
          release?.();
        },
      );
      inFlight.add(p);
      pos += chunk.length;
      flusher.advance(pos);
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
      check();
    }, pass);
  } finally {
    await Promise.all(inFlight);
  }
  check();
  return pos - offset;
}

async function copyAt(input: AttachedWriteInput, offset: number, pass: 1 | 2): Promise<void> {
  const flusher = earlyFlusher(input.out, offset);
  let written: number;
  try {
    written = input.copyContentAt
      ? await input.copyContentAt(offset, pass, (n) => flusher.advance(offset + n))
      : await copyThroughWriter(input.out, input.copyContent.bind(input), offset, pass, flusher);
  } finally {
    await flusher.settled();
  }
  if (written !== input.contentLength) {
    throw inputChanged();
  }
}

export async function writeAttachedSignedData(input: AttachedWriteInput): Promise<AttachedWriteResult> {
  const estParts = { ...input.parts, signerInfos: input.signerInfoEstimate };
  const estTail = signedDataTail(estParts);
  const estHeadSize = signedDataHead(estParts, input.contentLength, estTail.length).length;
  await copyAt(input, estHeadSize, 1);
  const parts = { ...input.parts, signerInfos: await input.makeSignerInfos() };
  const tail = signedDataTail(parts);
  const head = signedDataHead(parts, input.contentLength, tail.length);
  let passes: 1 | 2 = 1;
  if (head.length !== estHeadSize) {
    await input.out.truncate(0);
    await copyAt(input, head.length, 2);
    passes = 2;
  }
  await writeFully(input.out, head, 0);
  await writeFully(input.out, tail, head.length + input.contentLength);
  const size = head.length + input.contentLength + tail.length;
  await input.out.truncate(size);
  return { size, passes };
}
