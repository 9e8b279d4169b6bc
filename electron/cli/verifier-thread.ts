/**
 * The script of `sigillo verify`'s verifier threads (core/validate/verify-pool.ts starts it for the CLI): runs
 * the verifier bundle — the thread's code (core/validate/verify-pool-thread.ts and what it loads) bundled by the
 * build like the CLI, with its own build-time code cache — the way the bin runs the CLI's: the cache only when
 * its header matches, nothing written. That cache is made with the batch's V8 flags (cli/batch-tiering.ts): the
 * CLI sets them before it starts a thread, and V8 refuses a cache made with other flags. Without a current
 * bundle the thread runs from the plain files. SIGILLO_DEBUG_CODE_CACHE=1 prints on stderr how it started.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { bundleCurrent, loadBundle } from './bundle-loader';
import type { PoolSession } from '../core/validate/verify-pool';
import type * as ThreadModule from '../core/validate/verify-pool-thread';

/** the bundle and its cache, made by build/scripts/bundle-cli.js */
const VERIFIER_BUNDLE = join(__dirname, 'verifier-bundle.js');
const VERIFIER_CACHE = join(__dirname, 'verifier-bundle.cache');
/** the built file the bundle starts from */
const ENTRY = join(__dirname, '..', 'core', 'validate', 'verify-pool-thread.js');

const debug = process.env.SIGILLO_DEBUG_CODE_CACHE === '1';

function threadCode(): typeof ThreadModule {
  if (bundleCurrent(VERIFIER_BUNDLE, ENTRY)) {
    const loaded = loadBundle(VERIFIER_BUNDLE, VERIFIER_CACHE, module);
    if (debug) process.stderr.write(`sigillo: verifier thread code cache ${loaded.cache}\n`);
    return loaded.exports as typeof ThreadModule;
  }
  if (debug) process.stderr.write('sigillo: verifier thread without a current bundle, from the files\n');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(ENTRY) as typeof ThreadModule;
}

if (parentPort) void threadCode().verifierThread(parentPort, (workerData as { pool: PoolSession }).pool);
