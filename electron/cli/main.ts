/**
 * The `sigillo` program: parses the words, dispatches to a command, maps errors to exit codes. Started by the
 * entry `sigillo.ts`, from the build's bundle of this file (with its code cache) or from this file itself.
 */
import { endQuietlyOnClosedPipe } from './closed-pipe';
import { run } from './dispatch';

export function main(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  endQuietlyOnClosedPipe();
  return run(argv, env).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 1;
    },
  );
}
