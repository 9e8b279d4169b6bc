/**
 * V8's optimising compiler on a batch of small files (issue 22). Verifying 1000 invoices runs the same few
 * hundred functions for well under a second: V8 optimises each of them as soon as it has run ~66 KiB of
 * bytecode (its interrupt budget), and those optimising compilations were ~28 % of the CPU of the run
 * (`perf` on the 1000-file benchmark), on a 2-core machine taking the core the main thread also needs.
 * With the budget 8× larger only the really hot functions (parsers' loops, hashing glue) are optimised, later:
 * measured here, 1000 p7m 1.08 → 0.79 s of CPU, 1000 real FatturaPA p7m (XML parsed) 2.91 → 2.62 s, 3000 p7m
 * 2.03 → 1.61 s, 100 p7m 0.34 → 0.30 s. It only changes when code is compiled, never what it computes (the
 * benchmark compares the JSON with SIGILLO_NO_FAST=1, which leaves V8 as it is).
 * Set once the verifier's modules are loaded (code loaded before keeps its cached compilation), from
 * BATCH_TIERING_FROM files. One big PDF (the one the bin started hashing, early-pdf-hash.ts) gets a smaller
 * inlining budget instead: its change analysis parses ~10 000 objects once, cold, while the hashing thread
 * takes the other core, and TurboFan's compilations of large inlined graphs (on V8's background threads) were
 * competing with both: 200 MB PDF with 3 signatures, process CPU 0.57 → 0.49 s (best of 9), same JSON.
 * A 1 GiB p7m keeps V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';
import { speedUpsOn } from '../core/files/speed-ups';

export const BATCH_TIERING_FROM = 32;
/** Node 20's V8: --interrupt-budget=67584 (66 KiB) by default */
export const BATCH_INTERRUPT_BUDGET = 8 * 67584;

/** Node 20's V8: --max-inlined-bytecode-size-cumulative=920 by default */
export const BIG_PDF_INLINE_CUMULATIVE = 200;

/** the V8 flags for one big PDF (the bin's early hashing thread was started for it); undefined: V8's defaults */
export function bigPdfFlags(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return speedUpsOn(env) ? `--max-inlined-bytecode-size-cumulative=${BIG_PDF_INLINE_CUMULATIVE}` : undefined;
}

/** the V8 flags for a batch of `files` files; undefined: V8's defaults */
export function batchFlags(files: number, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (files < BATCH_TIERING_FROM || !speedUpsOn(env)) return undefined;
  return `--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`;
}

let tuned = false;

function tuneOnce(flags: string | undefined, set: (flags: string) => void): boolean {
  if (tuned || !flags) return false;
  set(flags);
  tuned = true;
  return true;
}

/** Sets batchFlags (once per process); true when it did. */
export function tuneForBatch(
  files: number,
  env: NodeJS.ProcessEnv = process.env,
  set: (flags: string) => void = setFlagsFromString,
): boolean {
  return tuneOnce(batchFlags(files, env), set);
}

/** Sets bigPdfFlags (once per process, never after tuneForBatch); true when it did. */
export function tuneForBigPdf(
  env: NodeJS.ProcessEnv = process.env,
  set: (flags: string) => void = setFlagsFromString,
): boolean {
  return tuneOnce(bigPdfFlags(env), set);
}
