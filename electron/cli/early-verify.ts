/**
 * `sigillo verify` of a big batch: the entry (sigillo.ts) starts its verifier thread before it loads the program,
 * so that Node's start of the thread (~27 ms of built-ins) overlaps the program's reading and compiling (~30 ms)
 * instead of following it. Only a guess from the words — a folder holding enough signature files for the pool's
 * rule (core/validate/verify-pool.ts poolThreads) to start a thread now —: the thread only loads Node's
 * built-ins, then waits for `go` (the batch's V8 flags and the session, from the options as the command parsed
 * them: cli/verifier-thread.ts). `verify` takes it when its own rule starts a thread (verify-threads.ts), else ends
 * it; main.ts ends one nobody took. Until taken it keeps nothing running (unref'd), and a thread that failed is
 * never taken.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isSignedFileName } from './commands/signed-files';
import { splitVerifyWords } from './verify-words';
import { batchFlags } from './batch-tiering';
import type * as PoolModule from '../core/validate/verify-pool';

/** below this many files no thread starts unless SIGILLO_VERIFY_THREADS says so (verify-pool.ts POOL_FROM_FILES,
 * checked by test/cli/early-verify.test.ts): the pool's module is not even loaded for a single file */
export const EARLY_FROM_FILES = 64;

export interface EarlyVerifierThread {
  worker: Worker;
  /** false once the thread has ended (failed): it is not taken */
  alive(): boolean;
  /**
   * The entry has loaded the program (its own code cache taken under V8's default flags): the thread may now set
   * the batch's flags and load its bundle, before `go` (verifier-thread.ts `preload`)
   */
  programLoaded(): void;
}

/** the files the words name, as verify-inputs.ts would count them (an estimate: the command expands them) */
export function countVerifyFiles(words: readonly string[]): number {
  let count = 0;
  for (const w of splitVerifyWords(words).files) {
    const st = statSync(w, { throwIfNoEntry: false });
    count += st?.isDirectory()
      ? readdirSync(w, { withFileTypes: true }).filter((d) => d.isFile() && isSignedFileName(d.name)).length
      : 1;
  }
  return count;
}

/** `words`: the CLI's words after the entry; a thread only for `verify` of a batch the pool's rule would split */
export function startEarlyVerifier(
  words: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): EarlyVerifierThread | undefined {
  if (words[0] !== 'verify' || words.includes('--help') || words.includes('-h')) return undefined;
  try {
    const files = countVerifyFiles(words.slice(1));
    if (files < EARLY_FROM_FILES && env.SIGILLO_VERIFY_THREADS === undefined) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { poolThreads, runningElsewhere } = require('../core/validate/verify-pool') as typeof PoolModule;
    // one reading of what runs elsewhere, not the command's three a millisecond apart: the command decides
    if (poolThreads(files, env, undefined, undefined, runningElsewhere() ?? null) < 1) return undefined;
    const worker = new Worker(join(__dirname, 'verifier-thread.js'), { workerData: { awaitGo: true } });
    let alive = true;
    worker.on('error', () => (alive = false)); // not taken then; the command starts its own
    worker.once('exit', () => (alive = false));
    worker.unref();
    // the flags the command will hand over with `go` for this many files (verify-threads.ts)
    const flags = batchFlags(files, env);
    const programLoaded = () => {
      if (alive && flags) worker.postMessage({ preload: flags });
    };
    return { worker, alive: () => alive, programLoaded };
  } catch {
    return undefined; // an unreadable word or no thread: the thread starts later, as without this
  }
}
