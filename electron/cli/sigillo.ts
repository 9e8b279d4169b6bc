#!/usr/bin/env node
/**
 * `sigillo` command-line entry point. The build bundles the program (`main.ts` and everything it loads) into
 * sigillo-bundle.js with a V8 code cache beside it: one file read and little compiling instead of ~200 module
 * look-ups. Without the bundle, or with a bundle older than main.js (`tsc` run again without bundling), the
 * program runs from its own files, the same way. SIGILLO_DEBUG_CODE_CACHE=1 prints on stderr how it started.
 * Before that, `sign` starts the work its words already call for (early-work.ts: a big file's hashing thread),
 * and so does `verify` of one big PDF (early-pdf-hash.ts: its range-hashing thread) and of a big batch (its
 * verifier thread, early-verify.ts); the other commands load nothing more.
 */
import { join } from 'node:path';
import { bundleCurrent, loadBundle } from './bundle-loader';
import type { EarlyWork } from './early-work';

type Program = { main(argv: string[], env: NodeJS.ProcessEnv, early?: EarlyWork): Promise<void> };

const words = process.argv.slice(2);
/** `sign` and `verify` only: the other commands do not even load early-work.js, early-pdf-hash.js or early-verify.js */
function earlyWork(): EarlyWork | undefined {
  if (words[0] === 'verify') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { bigPdfToVerify } = require('./early-pdf-hash') as typeof import('./early-pdf-hash');
    const pdf = bigPdfToVerify(words, process.env);
    if (pdf !== undefined) {
      type ThreadModule = typeof import('../core/pdf/range-hash-thread');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const thread = require('../core/pdf/range-hash-thread') as ThreadModule;
      return { pdfHash: thread.startHashThread(pdf) };
    }
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
const early = earlyWork();

const bundle = join(__dirname, 'sigillo-bundle.js');
const debug = process.env.SIGILLO_DEBUG_CODE_CACHE === '1';

let program: Program;
if (bundleCurrent(bundle, join(__dirname, 'main.js'))) {
  const loaded = loadBundle(bundle, join(__dirname, 'sigillo-bundle.cache'), module);
  if (debug) process.stderr.write(`sigillo: code cache ${loaded.cache}\n`);
  program = loaded.exports as Program;
  module.exports = { bundledModules: (loaded.exports as { bundledModules?: () => string[] }).bundledModules };
} else {
  if (debug) process.stderr.write('sigillo: no current bundle, running from the files\n');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  program = require('./main') as Program;
}
// a batch's verifier thread may load its own code now: this thread's code cache has been taken (early-verify.ts)
early?.verifierThread?.programLoaded();
void program.main(words, process.env, early);
