/**
 * How the CLI's program is loaded, by the entry (sigillo.ts) and by the program thread of `verify BIG.pdf`
 * (program-thread.ts): from the build's bundle with its V8 code cache (sigillo-bundle.js: one file read and
 * little compiling instead of ~200 module look-ups), or — without the bundle, or with a bundle older than
 * main.js (`tsc` run again without bundling) — from its own files, the same way. SIGILLO_DEBUG_CODE_CACHE=1
 * prints on stderr how it started.
 */
import { join } from 'node:path';
import { bundleCurrent, loadBundle } from './bundle-loader';
import type { EarlyWork } from './early-work';

export type Program = {
  main(argv: string[], env: NodeJS.ProcessEnv, early?: EarlyWork): Promise<void>;
  bundledModules?: () => string[];
};

function debug(line: string): void {
  if (process.env.SIGILLO_DEBUG_CODE_CACHE === '1') process.stderr.write(`sigillo: ${line}\n`);
}

export function loadProgram(parent: NodeJS.Module): Program {
  const bundle = join(__dirname, 'sigillo-bundle.js');
  if (bundleCurrent(bundle, join(__dirname, 'main.js'))) {
    const loaded = loadBundle(bundle, join(__dirname, 'sigillo-bundle.cache'), parent);
    debug(`code cache ${loaded.cache}`);
    return loaded.exports as Program;
  }
  debug('no current bundle, running from the files');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./main') as Program;
}
