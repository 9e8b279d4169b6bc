#!/usr/bin/env node
/**
 * `sigillo` command-line entry point. The build bundles the program (`main.ts` and everything it loads) into
 * sigillo-bundle.js with a V8 code cache beside it: one file read and little compiling instead of ~200 module
 * look-ups. Without the bundle, or with a bundle older than main.js (`tsc` run again without bundling), the
 * program runs from its own files, the same way. SIGILLO_DEBUG_CODE_CACHE=1 prints on stderr how it started.
 * Before that, `sign` starts the work its words already call for (early-work.ts: a big file's hashing thread),
 * and so does `verify` of a big batch (its verifier thread, early-verify.ts); `verify` of one big PDF
 * (early-pdf-hash.ts) runs the program on a thread while this thread hashes the PDF (program-thread-host.ts),
 * and never loads the program here. The other commands load nothing more.
 */
import type { EarlyWork } from './early-work';

const words = process.argv.slice(2);

/** `verify` of one big PDF: the file (early-pdf-hash.ts); every `verify` loads that guess, nothing more */
function bigPdf(): string | undefined {
  if (words[0] !== 'verify') return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { bigPdfToVerify } = require('./early-pdf-hash') as typeof import('./early-pdf-hash');
  return bigPdfToVerify(words, process.env);
}
const big = bigPdf();

/** `sign` and `verify` only: the other commands do not even load early-work.js or early-verify.js */
function earlyWork(): EarlyWork | undefined {
  if (words[0] === 'verify') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startEarlyVerifier } = require('./early-verify') as typeof import('./early-verify');
    const verifierThread = startEarlyVerifier(words);
    return verifierThread ? { verifierThread } : undefined;
  }
  if (words[0] !== 'sign') return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startEarlyWork } = require('./early-work') as typeof import('./early-work');
  return startEarlyWork(words);
}

if (big !== undefined) {
  // the program on a thread, this thread hashing the PDF meanwhile; the program never loads here
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runProgramOnThread } = require('./program-thread-host') as typeof import('./program-thread-host');
  runProgramOnThread(big, words);
} else {
  const early = earlyWork();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadProgram } = require('./program-loader') as typeof import('./program-loader');
  const program = loadProgram(module);
  module.exports = { bundledModules: program.bundledModules };
  // a batch's verifier thread may load its own code now: this thread's code cache has been taken (early-verify.ts)
  early?.verifierThread?.programLoaded();
  void program.main(words, process.env, early);
}
