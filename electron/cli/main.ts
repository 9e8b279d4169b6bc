/**
 * The `sigillo` program: parses the words, dispatches to a command, maps errors to exit codes. Started by the
 * entry `sigillo.ts`, from the build's bundle of this file (with its code cache) or from this file itself.
 */
import { endQuietlyOnClosedPipe } from './closed-pipe';
import { run } from './dispatch';
import type { EarlyWork } from './command';

/** `early`: what the bin started before loading this (closed here when the command left it) */
export function main(argv: string[], env: NodeJS.ProcessEnv, early?: EarlyWork): Promise<void> {
  endQuietlyOnClosedPipe();
  return run(argv, env, early)
    .finally(() => early?.pdfHash?.close())
    .then(
      (code) => {
        process.exitCode = code;
      },
      () => {
        process.exitCode = 1;
      },
    );
}
