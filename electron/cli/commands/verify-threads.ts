/**
 * `sigillo verify`'s verifier threads (issue 22), started as soon as the file count is known — before the
 * verification code loads on this thread — so that they load theirs on the other core meanwhile. They run the
 * verifier bundle with its build-time code cache (cli/verifier-thread.ts); that cache is made with the batch's
 * V8 flags, which are part of the hash V8 checks a cache against. A thread gets the flags and sets them itself
 * once it has loaded Node's built-ins (whose caches V8 refuses under other flags), for every thread of the
 * process, this one included (which verifies with V8's defaults until then); without a thread this one sets
 * them now.
 */
import { join } from 'node:path';
import {
  POOL_FROM_FILES,
  poolThreads,
  startVerifierThreads,
  type VerifierThreads,
} from '../../core/validate/verify-pool';
import type { SessionOptions } from '../../core/validate/session';
import { batchFlags, tuneForBatch } from '../batch-tiering';
import type { VerifierThreadData } from '../verifier-thread';
import type { CommandContext } from '../command';
import { expandInputs } from './verify-inputs';

/** the session every file of one `verify` call is verified in (here and in each verifier thread) */
export function verifySession(ctx: CommandContext): SessionOptions {
  return {
    trustFiles: (ctx.values.trust as string[] | undefined) ?? [],
    offline: ctx.values.offline === true,
    env: ctx.env,
    trustedLists: ctx.values['no-tsl'] !== true,
  };
}

export interface EarlyStart {
  /** the files, when expanding the arguments succeeded (else verify-run expands them and reports why not) */
  files?: string[];
  /** the verifier threads, when the batch gets any */
  threads?: VerifierThreads;
}

/**
 * Expands the arguments and starts the verifier threads the batch gets, handing them the batch's V8 flags (set
 * here now when there is no thread). The threads take files only once `run` gives them, after every check of
 * verify-run passed.
 */
export async function startVerifyThreads(ctx: CommandContext): Promise<EarlyStart> {
  const files = await expandInputs(ctx.positionals).catch(() => undefined);
  if (!files) return {};
  // the other cores' reading (a few ms: three samples 1 ms apart) matters only to a batch that may get threads
  const small = files.length < POOL_FROM_FILES;
  const count = poolThreads(files.length, ctx.env, undefined, undefined, small ? null : undefined);
  // the thread the entry started from the words (early-verify.ts), when it is still there to take
  const started = ctx.early?.verifierThread;
  const adopt = count > 0 && started?.alive() ? started.worker : undefined;
  if (!adopt) void started?.worker.terminate();
  else if (ctx.env.SIGILLO_DEBUG_CODE_CACHE === '1')
    process.stderr.write('sigillo: verifier thread taken from the entry\n');
  if (count === 0) {
    tuneForBatch(files.length, ctx.env);
    return { files };
  }
  const content = typeof ctx.values.content === 'string' ? ctx.values.content : undefined;
  const pool = { session: verifySession(ctx), content };
  const entry = join(__dirname, '..', 'verifier-thread.js');
  const entryData: Omit<VerifierThreadData, 'pool'> = { flags: batchFlags(files.length, ctx.env) };
  return { files, threads: startVerifierThreads(pool, { threads: count, entry, entryData, adopt }) };
}
