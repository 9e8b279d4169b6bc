/**
 * Work on a big input that needs no signer, started before the token is opened so that it overlaps loading the
 * PKCS#11 code, asking the PIN and logging in: for a plain file, its new .p7m's temporary output with the content
 * already being copied into place and hashed; for a PDF, its signed copy's temporary output with the original
 * bytes being copied in by the kernel, and their hash. The signing code takes it when it
 * still matches (same file, size and modification time, same digest, same output), else does the work itself.
 * Whatever is not taken is cancelled (`cancel`): threads stopped, temporary file removed.
 */
import { stat } from 'node:fs/promises';
import { openAtomicOutput } from '../files/atomic-output';
import { copyIntoTemp } from '../files/kernel-copy';
import { startCopyHash, type PrefetchedWork } from '../files/copy-hash';
import { fileStamp, sameStamp, stampOf, type FileStamp } from '../files/file-stamp';
import { outputPathFor, signedPdfPath } from '../files/output-naming';
import { EARLY_HASH_MIN_BYTES, type ThreadSource } from '../files/warm-thread';
import type { DigestName } from '../crypto/key-signer';
import type { SignFormat } from './format-routing';
import { formatFor, type SignPolicy } from './sign-policy';

/** Smaller inputs are read in a blink: no threads for them. */
export const PREFETCH_MIN_BYTES = EARLY_HASH_MIN_BYTES;

export interface PrefetchRequest {
  format: SignFormat;
  input: string;
  digest: DigestName;
  outputDir?: string;
  overwrite: boolean;
  /** the batch's cancel: stops the early work too */
  signal?: AbortSignal;
  /** a thread started even earlier (the CLI's entry: files/warm-thread.ts), used instead of starting one */
  thread?: ThreadSource;
}

export class Prefetch {
  private taken = false;

  private constructor(
    private readonly request: PrefetchRequest,
    private readonly identity: FileStamp,
    private readonly work: PrefetchedWork,
  ) {}

  /**
   * The work for this input (and output, for CAdES), once; undefined when it is for another file or the file
   * changed since (the work is then cancelled).
   */
  async take(
    format: SignFormat,
    input: string,
    digest: DigestName,
    output?: string,
  ): Promise<PrefetchedWork | undefined> {
    const r = this.request;
    if (this.taken || format !== r.format || input !== r.input || digest !== r.digest) return undefined;
    if (this.work.out?.path !== output) return undefined;
    this.taken = true;
    if (!sameStamp(this.identity, await fileStamp(input))) {
      await this.discard();
      return undefined;
    }
    return this.work;
  }

  /** Stops work nobody took. */
  async cancel(): Promise<void> {
    if (!this.taken) await this.discard();
    this.taken = true;
  }

  private async discard(): Promise<void> {
    await this.work.job.cancel();
    await this.work.copied?.catch(() => undefined);
    await this.work.out?.discard();
  }

  /** Starts the work when it is worth it and possible; undefined otherwise (the signer then does it all). */
  static async start(request: PrefetchRequest): Promise<Prefetch | undefined> {
    const st = await stat(request.input).catch(() => undefined);
    if (!st?.isFile() || st.size < PREFETCH_MIN_BYTES) return undefined;
    const identity = stampOf(st);
    let listener: ((done: number) => void) | undefined;
    let latest = 0;
    const onProgress = (done: number) => {
      latest = done;
      listener?.(done);
    };
    const progressHook = (l: (done: number) => void) => {
      listener = l;
      if (latest > 0) l(latest);
    };
    if (request.format === 'pades') {
      // the hashing thread first (it needs only the input, and takes a while to start), while the output is opened
      const job = startCopyHash({
        input: request.input,
        algorithms: [request.digest],
        onProgress,
        signal: request.signal,
        thread: request.thread,
        copiedAlongside: true,
      });
      const output = signedPdfPath(request.input, request.outputDir);
      const out = await openAtomicOutput(output, { overwrite: request.overwrite }).catch(() => undefined);
      if (!out) {
        await job.cancel();
        return undefined;
      }
      const copied = copyIntoTemp(request.input, out.temp, out.handle);
      job.flushCopy(out.handle);
      const over = () => job.flushCopy(undefined);
      copied.then(over, over);
      return new Prefetch(request, identity, { job, out, copied, onProgress: progressHook });
    }
    if (request.format !== 'cades') return undefined;
    const { cadesContentOffset } = await import('./prefetch-cades.js');
    const offset = await cadesContentOffset(request.input, st.size, request.digest);
    if (offset === undefined) return undefined;
    const output = outputPathFor(request.input, { outDir: request.outputDir, suffix: '.p7m' });
    const out = await openAtomicOutput(output, { overwrite: request.overwrite }).catch(() => undefined);
    if (!out) return undefined;
    const job = startCopyHash({
      input: request.input,
      algorithms: [request.digest],
      out: { handle: out.handle, offset },
      onProgress,
      signal: request.signal,
      thread: request.thread,
    });
    return new Prefetch(request, identity, { job, out, offset, onProgress: progressHook });
  }
}

/**
 * The early work of a batch (sign-batch.ts), on its first file, when the policy signs it the plain way (not a
 * counter-signature, not detached); undefined otherwise. Never throws: without it the signer does the work.
 * Front ends may call it as soon as the policy is known, before loading the signing code (the CLI does).
 */
export function startBatchPrefetch(
  files: readonly string[],
  policy: SignPolicy,
  signal?: AbortSignal,
  thread?: ThreadSource,
): Promise<Prefetch | undefined> {
  const first = files[0];
  if (first === undefined || policy.countersign || policy.detached) return Promise.resolve(undefined);
  return Prefetch.start({
    format: formatFor(first, policy),
    input: first,
    digest: policy.digest,
    outputDir: policy.outputDir,
    overwrite: policy.overwrite,
    signal,
    thread,
  }).catch(() => undefined);
}
