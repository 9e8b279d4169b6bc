/**
 * Batch signing, the one policy the CLI and the app's card worker share: the options are checked first (nothing
 * touches the card when they cannot work), a big first input starts being read while the front end opens the
 * token and asks the PIN (prefetch.ts), then one login for the whole batch, one signature per file with its own
 * result (a bad file never stops the others), progress per file, and cancel between files and inside a file
 * (the file being signed gets CANCELLED and leaves nothing behind; the rest are not started).
 */
import type { KeySigner } from '../crypto/key-signer';
import { toErrorInfo, type ErrorInfo } from '../errors';
import { withIssuerChain } from './issuer-chain';
import { startBatchPrefetch, type Prefetch } from './prefetch';
import { signOneFile } from './sign-one-file';
import { checkPolicy, formatFor, type SignPolicy } from './sign-policy';
import type { SignFormat } from './format-routing';

export interface BatchFileResult {
  input: string;
  output: string | null;
  format: SignFormat;
  error?: ErrorInfo;
}

/** A logged-in token: the signer of the chosen certificate, and the logout. */
export interface OpenedSigner {
  signer: KeySigner;
  close(): void;
}

export interface BatchHooks {
  /** bytes of file `index` processed / total */
  onProgress?: (index: number, done: number, total: number) => void;
  onFileStart?: (index: number) => void;
  onFileDone?: (result: BatchFileResult, index: number) => void;
  signal?: AbortSignal;
  /** the early work on the first file, already started by the front end (startBatchPrefetch); else started here */
  prefetched?: Promise<Prefetch | undefined>;
}

/**
 * Signs `files` under `policy`. `open` loads the module, asks the PIN and logs in (called once, after the
 * prefetch started); its errors (wrong PIN, no token) end the batch. Returns one result per file started.
 */
export async function signBatch(
  files: readonly string[],
  policy: SignPolicy,
  open: () => Promise<OpenedSigner>,
  hooks: BatchHooks = {},
): Promise<BatchFileResult[]> {
  const { signal } = hooks;
  try {
    checkPolicy(policy);
  } catch (e) {
    await (await hooks.prefetched)?.cancel();
    throw e;
  }
  const prefetched = await (hooks.prefetched ?? startBatchPrefetch(files, policy, signal));
  try {
    const session = await open();
    try {
      const signer = await withIssuerChain(session.signer);
      const results: BatchFileResult[] = [];
      for (const [index, input] of files.entries()) {
        if (signal?.aborted) break;
        hooks.onFileStart?.(index);
        let result: BatchFileResult;
        try {
          const r = await signOneFile(input, policy, {
            signer,
            prefetched,
            signal,
            onProgress: (done, total) => hooks.onProgress?.(index, done, total),
          });
          result = { input, output: r.output, format: r.format };
        } catch (e) {
          result = { input, output: null, format: formatFor(input, policy), error: toErrorInfo(e) };
        }
        results.push(result);
        hooks.onFileDone?.(result, index);
      }
      return results;
    } finally {
      session.close();
    }
  } finally {
    await prefetched?.cancel();
  }
}
