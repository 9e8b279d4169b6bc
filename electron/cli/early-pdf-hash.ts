/**
 * `sigillo verify BIG.pdf`: the guess from the words that the command verifies one big PDF (issue 22). The bin
 * then runs the program on a thread and hashes the file from byte 0 on its own thread, from the start
 * (program-thread-host.ts, core/pdf/range-hash-thread.ts hashAhead): a thread needs ~30 ms to start and the
 * bundle ~20 ms to load, which the hashing no longer waits for. This file loads no module of its own but the
 * speed-ups' switch and the words' reader: every `verify` loads it, the hashing's modules only when it names one
 * big PDF. The verify command decides: it hands the hashing to the PDF verifier (commands/verify-early-hash.ts),
 * which takes it only for that file (same path; the head start only for the same file as parsed), and closes it
 * otherwise.
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
