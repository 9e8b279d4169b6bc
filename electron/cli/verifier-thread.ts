/**
 * The script of `sigillo verify`'s verifier threads (core/validate/verify-pool.ts starts it for the CLI): runs
 * the verifier bundle — the thread's code (core/validate/verify-pool-thread.ts and what it loads) bundled by the
 * build like the CLI, with its own build-time code cache — the way the bin runs the CLI's: the cache only when
 * its header matches, nothing written. That cache is made with the batch's V8 flags (cli/batch-tiering.ts),
 * and V8 refuses a cache made with other flags. The CLI hands the flags over (`flags` in the workerData) rather
 * than setting them before the thread starts: Node's own modules carry code caches made with V8's default
 * flags, so a thread started after the change compiled every one of its ~160 built-in modules from source
 * (~35 ms on this machine). The thread first loads the built-ins its bundle needs, then sets the flags (the
 * same string the CLI sets on its side: whichever comes first changes them), then runs the bundle. Without a
 * current bundle the thread runs from the plain files. SIGILLO_DEBUG_CODE_CACHE=1 prints on stderr how it
 * started.
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { bundleCurrent, loadBundle } from './bundle-loader';
import { loadThreadBuiltins } from './thread-builtins';
import type { PoolSession } from '../core/validate/verify-pool';
import type * as ThreadModule from '../core/validate/verify-pool-thread';

/** the bundle and its cache, made by build/scripts/bundle-cli.js */
const VERIFIER_BUNDLE = join(__dirname, 'verifier-bundle.js');
const VERIFIER_CACHE = join(__dirname, 'verifier-bundle.cache');
/** the built file the bundle starts from */
const ENTRY = join(__dirname, '..', 'core', 'validate', 'verify-pool-thread.js');

const debug = process.env.SIGILLO_DEBUG_CODE_CACHE === '1';

/**
 * a debug line, written at once: a thread's process.stderr reaches the file through the calling thread later,
 * and a thread ended as idle (verify-pool.ts stopIfIdle) would lose what it had not passed on yet
 */
function note(line: string): void {
  if (debug) writeSync(2, `sigillo: ${line}\n`);
}

/** what the CLI gives the thread */
export interface VerifierThreadData {
  pool: PoolSession;
  /** the batch's V8 flags (batch-tiering.ts), set here once the built-ins are loaded */
  flags?: string;
}

/** Node's list of what it has loaded, built-in modules only (not in Node's types): for the debug line */
function loadedBuiltins(): string[] {
  const list = (process as unknown as { moduleLoadList?: string[] }).moduleLoadList ?? [];
  return list.filter((m) => m.startsWith('NativeModule '));
}

function threadCode(): typeof ThreadModule {
  if (bundleCurrent(VERIFIER_BUNDLE, ENTRY)) {
    const loaded = loadBundle(VERIFIER_BUNDLE, VERIFIER_CACHE, module);
    note(`verifier thread code cache ${loaded.cache}`);
    return loaded.exports as typeof ThreadModule;
  }
  note('verifier thread without a current bundle, from the files');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(ENTRY) as typeof ThreadModule;
}

/** sets `flags` (Node's built-ins loaded first) and loads the thread's code under them */
function codeUnder(flags: string | undefined): typeof ThreadModule {
  if (flags) {
    loadThreadBuiltins();
    setFlagsFromString(flags);
  }
  const builtinsBefore = loadedBuiltins().length;
  const code = threadCode();
  if (debug && flags)
    note(`verifier thread built-ins loaded after the flags: ${loadedBuiltins().length - builtinsBefore}`);
  return code;
}

/**
 * runs the thread with `data` (the workerData, or the `go` of a thread the entry started early); `loaded`: the
 * code already loaded under `data.flags` (a `preload`)
 */
function start(
  port: MessagePort,
  data: VerifierThreadData,
  loaded?: { flags: string; code: typeof ThreadModule },
): void {
  const code = loaded && loaded.flags === data.flags ? loaded.code : codeUnder(data.flags);
  void code.verifierThread(port, data.pool);
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as VerifierThreadData | { awaitGo: true };
  if ('awaitGo' in data) {
    // started by the entry before the program loaded (early-verify.ts): Node's built-ins now; its code once the
    // entry has loaded the program (`preload`: the batch's flags, set then without spoiling the entry's own code
    // cache), while the command still reads its options and the folder; the files on `go`
    note('verifier thread started by the entry');
    loadThreadBuiltins();
    let loaded: { flags: string; code: typeof ThreadModule } | undefined;
    const onMessage = (m: { preload?: string; go?: VerifierThreadData }) => {
      if (m.preload !== undefined) {
        try {
          loaded = { flags: m.preload, code: codeUnder(m.preload) };
          note('verifier thread code loaded before go');
        } catch {
          loaded = undefined; // loaded again on `go`, which then fails as it would have
        }
        return;
      }
      if (!m.go) return;
      port.off('message', onMessage);
      start(port, m.go, loaded);
    };
    port.on('message', onMessage);
  } else start(port, data);
}
