/**
 * The visual comparison of a PDF's signed revisions with the final document (issue 23), for the CLI, the card
 * worker and the report: pdf.js renders on a worker thread with a heap limit and a wall-clock timeout, so a
 * hostile document ends with an error code (VISUAL_DIFF_TIMEOUT, VISUAL_DIFF_TOO_LARGE, VISUAL_DIFF_UNREADABLE)
 * and never hangs its caller. Only signatures that do not cover the whole document are compared.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SigilloError, failure, failureOf } from '../../errors';
import type { PdfMessageKey } from '../../i18n/messages/pdf';
import { VISUAL_LIMITS, type VisualLimits } from './visual-limits';
import type { SignatureVisual, VisualTarget } from './visual-types';

export type { SignatureVisual, VisualPage, VisualTarget } from './visual-types';

/** the signature fields the comparison needs (a PdfSignatureReport has them) */
export interface VisualSignatureInput {
  byteRange?: number[];
  coversWholeDocument?: boolean;
}

/** the signatures of a report that leave something after them, with the end of the bytes each covers */
export function visualTargets(signatures: VisualSignatureInput[]): VisualTarget[] {
  const out: VisualTarget[] = [];
  signatures.forEach((s, i) => {
    const br = s.byteRange;
    if (s.coversWholeDocument !== false || !br || br.length !== 4) return;
    const end = br[2]! + br[3]!;
    if (Number.isSafeInteger(end) && end > 0) out.push({ signature: i + 1, coveredEnd: end });
  });
  return out;
}

function visualFailure(key: PdfMessageKey, detail: string): SigilloError {
  return failureOf(key, { d: detail });
}

/**
 * Loads @napi-rs/canvas in the calling thread too, once: a napi-rs library loaded only by a worker thread is
 * unloaded when that thread exits, and its native threads can then crash the whole process (SIGSEGV at worker
 * exit — napi-rs/package-template#308, Brooooooklyn/canvas#377; seen once here as a test process dying after a
 * comparison). Held by this thread, the library stays loaded for the life of the process.
 */
let canvasHeld = false;
function holdCanvasLibrary(): void {
  if (canvasHeld) return;
  createRequire(__filename)('@napi-rs/canvas');
  canvasHeld = true;
}

/** the thread: the compiled entry, or (running from the TypeScript sources, as in tests) the source via tsx */
function startThread(data: unknown, limits: VisualLimits): Worker {
  holdCanvasLibrary();
  const resourceLimits = { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 };
  const built = join(__dirname, 'visual-thread.js');
  if (existsSync(built)) return new Worker(built, { workerData: data, resourceLimits });
  const req = createRequire(join(__dirname, 'visual-diff.js'));
  const source = `require(${JSON.stringify(req.resolve('tsx/cjs'))}); require(${JSON.stringify(join(__dirname, 'visual-thread.ts'))});`;
  return new Worker(source, { eval: true, workerData: data, resourceLimits });
}

interface ThreadAnswer {
  result?: SignatureVisual[];
  error?: string;
  name?: string;
}

/**
 * Compares each target's revision of `path` with the whole file; `signal` ends the thread (cancel). Rejects with
 * a SigilloError code when a limit is met or pdf.js cannot read the file.
 */
export function visualDiff(
  path: string,
  targets: VisualTarget[],
  opts: { limits?: Partial<VisualLimits>; signal?: AbortSignal } = {},
): Promise<SignatureVisual[]> {
  if (targets.length === 0) return Promise.resolve([]);
  const limits = { ...VISUAL_LIMITS, ...opts.limits };
  const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  if (size > limits.maxFileBytes) {
    return Promise.reject(visualFailure('VISUAL_DIFF_TOO_LARGE', `${Math.round(size / (1 << 20))} MiB`));
  }
  return new Promise((resolve, reject) => {
    const worker = startThread({ path, targets, limits }, limits);
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(
      () => finish(() => reject(visualFailure('VISUAL_DIFF_TIMEOUT', `${limits.timeoutMs / 1000} s`))),
      limits.timeoutMs,
    );
    const onAbort = () => finish(() => reject(failure('CANCELLED:short')));
    opts.signal?.addEventListener('abort', onAbort);
    worker.once('message', (m: ThreadAnswer) =>
      finish(() =>
        m.result
          ? resolve(m.result)
          : reject(visualFailure('VISUAL_DIFF_UNREADABLE', m.error ?? m.name ?? '?')),
      ),
    );
    worker.once('error', (e: Error & { code?: string }) =>
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? visualFailure('VISUAL_DIFF_TOO_LARGE', `${limits.heapMb} MiB`)
            : visualFailure('VISUAL_DIFF_UNREADABLE', e.message),
        ),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => reject(visualFailure('VISUAL_DIFF_TOO_LARGE', `exit ${code}`))),
    );
  });
}
