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
 * BATCH_TIERING_FROM files; a single big file (a 200 MB PDF, a 1 GiB p7m) keeps V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';
import { speedUpsOn } from '../core/files/speed-ups';

export const BATCH_TIERING_FROM = 32;
/** Node 20's V8: --interrupt-budget=67584 (66 KiB) by default */
export const BATCH_INTERRUPT_BUDGET = 8 * 67584;

/** the V8 flags for a batch of `files` files; undefined: V8's defaults */
export function batchFlags(files: number, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (files < BATCH_TIERING_FROM || !speedUpsOn(env)) return undefined;
  return `--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`;
}

let tuned = false;

/** Sets batchFlags (once per process); true when it did. */
export function tuneForBatch(
  files: number,
  env: NodeJS.ProcessEnv = process.env,
  set: (flags: string) => void = setFlagsFromString,
): boolean {
  const flags = tuned ? undefined : batchFlags(files, env);
  if (!flags) return false;
  set(flags);
  tuned = true;
  return true;
}
