/**
 * `sigillo verify BIG.pdf`: the bin starts the PDF's range-hashing thread before the program's bundle loads
 * (issue 22). A thread needs ~30 ms to start and the bundle ~50 ms to load: started here, the thread is
 * hashing the file from byte 0 (core/pdf/range-hash-thread.ts) while this thread loads the program and parses
 * the PDF. This file is the guess from the words (no module of its own but the speed-ups' switch): every
 * `verify` loads it, the thread's module is loaded only when it names one big PDF. The verify command decides:
 * it hands the thread to the PDF verifier (commands/verify-early-hash.ts), which takes it only for that file
 * (same path; the head start only for the same file as parsed), and closes it otherwise.
 */
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { speedUpsOn } from '../core/files/speed-ups';
import { splitVerifyWords } from './verify-words';

/** smaller files are hashed by the verifier in a blink (shared-range-hash.ts THREAD_FROM_BYTES) */
export const EARLY_PDF_MIN_BYTES = 16 * 1024 * 1024;

/** the one file `sigillo verify` is given, when the words name exactly one and no --content */
export function singleVerifyInput(argv: string[]): string | undefined {
  if (argv[0] !== 'verify') return undefined;
  const { options, files } = splitVerifyWords(argv.slice(1));
  const excluded = (o: string) =>
    o === '--content' || o.startsWith('--content=') || o === '--help' || o === '-h';
  return files.length === 1 && !options.some(excluded) ? files[0] : undefined;
}

/** a regular file of at least EARLY_PDF_MIN_BYTES beginning with a PDF header (never a p7m wrapping a PDF) */
function bigPdf(path: string): boolean {
  try {
    const st = statSync(path); // before opening: a FIFO's open would block
    if (!st.isFile() || st.size < EARLY_PDF_MIN_BYTES) return false;
    // non-blocking: a FIFO put in its place since the stat must not hold the start (no effect on a regular file)
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const head = Buffer.alloc(5);
      return readSync(fd, head, 0, 5, 0) === 5 && head.toString('latin1') === '%PDF-';
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The one big PDF `sigillo verify` is given (resolved), when the speed-ups are on; else undefined (never fails). */
export function bigPdfToVerify(argv: string[], env: NodeJS.ProcessEnv): string | undefined {
  if (!speedUpsOn(env)) return undefined;
  const file = singleVerifyInput(argv);
  if (file === undefined) return undefined;
  const full = resolve(file);
  return bigPdf(full) ? full : undefined;
}
