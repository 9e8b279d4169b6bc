/**
 * Work the CLI's entry (sigillo.ts) starts before it loads the program, which takes ~30 ms of reading and
 * compiling during which the other core is idle: for `sigillo sign` with a big file among its words, the thread
 * that will hash the first file (files/warm-thread.ts: ~27 ms to start) starts then instead of after the options
 * are checked, and the early work of the signature (sign/prefetch.ts) gives it its job. Only a guess from the
 * words: the options decide as before, and a thread nobody takes is ended when the command ends.
 */
import { statSync } from 'node:fs';
import { EARLY_HASH_MIN_BYTES, WarmCopyHashThread } from '../core/files/warm-thread';
import type { HashThread } from '../core/pdf/range-hash-thread';
import type { EarlyVerifierThread } from './early-verify';

export interface EarlyWork {
  /** the first file's hashing thread, started before its job is known */
  copyHashThread?: WarmCopyHashThread;
  /** `verify BIG.pdf`: the PDF's range-hashing thread, already hashing (early-pdf-hash.ts) */
  pdfHash?: HashThread;
  /** `verify` of a batch: its verifier thread, waiting for its session (early-verify.ts) */
  verifierThread?: EarlyVerifierThread;
}

function isBigFile(word: string): boolean {
  if (word.startsWith('-')) return false;
  const st = statSync(word, { throwIfNoEntry: false });
  return st !== undefined && st.isFile() && st.size >= EARLY_HASH_MIN_BYTES;
}

export function startEarlyWork(argv: readonly string[]): EarlyWork {
  if (argv[0] !== 'sign' || argv.includes('--help') || argv.includes('-h')) return {};
  try {
    return argv.slice(1).some(isBigFile) ? { copyHashThread: new WarmCopyHashThread() } : {};
  } catch {
    return {}; // an unreadable word or no thread: the work starts later, as without this
  }
}
