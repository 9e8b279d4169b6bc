/**
 * The body of a verifier thread of verify-pool.ts: opens the session once (same options as the caller's), then
 * takes batches of the run's files it is given on `port` and answers with the reports and their indexes. Run by
 * verify-pool-worker.js (from the plain files) or by the CLI's thread entry from its verifier bundle
 * (cli/verifier-thread.ts), which export it.
 */
import { openVerification, verifyFiles } from './session';
import type { PoolMessage, PoolSession, PoolWork } from './verify-pool';
import type { VerifyFileOptions } from '../verify/file-types';
import type { FileReport } from '../verify/types';
import { printUnlessError } from './report-json';

/** what the thread talks through: its parentPort, or a MessagePort (the build's code-cache training) */
export interface ThreadPort {
  postMessage(m: PoolMessage): void;
  once(event: 'message', listener: (work: PoolWork) => void): unknown;
}

/** takes batches from the shared counter until every file is taken, then says so */
async function takeAll(
  port: ThreadPort,
  { paths, next, batch, print }: PoolWork,
  opts: VerifyFileOptions,
): Promise<void> {
  const counter = new Int32Array(next);
  for (
    let from = Atomics.add(counter, 0, batch);
    from < paths.length;
    from = Atomics.add(counter, 0, batch)
  ) {
    const reports = await verifyFiles(paths.slice(from, from + batch), opts);
    const keep = print ? printUnlessError : (r: FileReport) => r;
    port.postMessage({ results: reports.map((report, k) => ({ index: from + k, report: keep(report) })) });
  }
  port.postMessage({ finished: true });
}

export async function verifierThread(port: ThreadPort, { session, content }: PoolSession): Promise<void> {
  let opts: VerifyFileOptions;
  try {
    opts = { ...(await openVerification(session)), ...(content ? { content } : {}) };
  } catch (e) {
    port.postMessage({ failed: String((e as Error)?.message ?? e) });
    return;
  }
  port.once('message', (work) => void takeAll(port, work, opts));
  port.postMessage({ ready: true });
}
