/**
 * A verifier thread of verify-pool.ts: opens the session once (same options as the caller's), then verifies
 * each batch of files it is given and answers with the reports and their indexes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openVerification, verifyFiles } from './session';
import type { PoolMessage, PoolSession } from './verify-pool';
import type { VerifyFileOptions } from '../verify/file-types';

const port = parentPort;
const { session, content } = workerData as PoolSession;

function post(m: PoolMessage): void {
  port?.postMessage(m);
}

async function main(): Promise<void> {
  let opts: VerifyFileOptions;
  try {
    opts = { ...(await openVerification(session)), ...(content ? { content } : {}) };
  } catch (e) {
    post({ failed: String((e as Error)?.message ?? e) });
    return;
  }
  port?.on('message', (batch: { index: number; path: string }[]) => {
    void verifyFiles(
      batch.map((b) => b.path),
      opts,
    ).then((reports) =>
      post({ results: batch.map((b, k) => ({ index: b.index, report: reports[k] as never })) }),
    );
  });
  post({ ready: true });
}

void main();
