/**
 * The `sigillo` program: parses the words, dispatches to a command, maps errors to exit codes. Started by the
 * entry `sigillo.ts`, from the build's bundle of this file (with its code cache) or from this file itself.
 */
import { endQuietlyOnClosedPipe } from './closed-pipe';
import { run } from './dispatch';
import type { EarlyWork } from './early-work';

/** `early`: what the entry started before loading this (early-work.ts), ended here when no command used it */
export function main(argv: string[], env: NodeJS.ProcessEnv, early?: EarlyWork): Promise<void> {
  endQuietlyOnClosedPipe();
  return run(argv, env, early)
    .then(
      (code) => {
        process.exitCode = code;
      },
      () => {
        process.exitCode = 1;
      },
    )
    .finally(() => {
      early?.copyHashThread?.close();
      early?.pdfHash?.close();
      void early?.verifierThread?.worker.terminate(); // ended already when verify took it
    });
}
