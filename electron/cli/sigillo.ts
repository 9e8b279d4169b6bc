#!/usr/bin/env node
/** `sigillo` command-line entry point: parses the words, dispatches to a command, maps errors to exit codes. */
import { endQuietlyOnClosedPipe } from './closed-pipe';
import { run } from './dispatch';

endQuietlyOnClosedPipe();

run(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
