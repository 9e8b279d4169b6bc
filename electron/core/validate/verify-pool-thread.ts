/**
 * The body of a verifier thread of verify-pool.ts: opens the session once (same options as the caller's), then
 * verifies each batch of files it is given on `port` and answers with the reports and their indexes. Run by
 * verify-pool-worker.js (from the plain files) or by the CLI's thread entry from its verifier bundle
 * (cli/verifier-thread.ts), which export it.
 */
import { openVerification, verifyFiles } from './session';
import type { PoolMessage, PoolSession } from './verify-pool';
import type { VerifyFileOptions } from '../verify/file-types';

/** what the thread talks through: its parentPort, or a MessagePort (the build's code-cache training) */
export interface ThreadPort {
  postMessage(m: PoolMessage): void;
  on(event: 'message', listener: (batch: { index: number; path: string }[]) => void): unknown;
}

export async function verifierThread(port: ThreadPort, { session, content }: PoolSession): Promise<void> {
  let opts: VerifyFileOptions;
  try {
    opts = { ...(await openVerification(session)), ...(content ? { content } : {}) };
  } catch (e) {
    port.postMessage({ failed: String((e as Error)?.message ?? e) });
    return;
  }
  port.on('message', (batch) => {
    void verifyFiles(
      batch.map((b) => b.path),
      opts,
    ).then((reports) =>
      port.postMessage({ results: batch.map((b, k) => ({ index: b.index, report: reports[k] as never })) }),
    );
  });
  port.postMessage({ ready: true });
}
