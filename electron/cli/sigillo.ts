#!/usr/bin/env node
/**
 * `sigillo` command-line entry point. The build bundles the program (`main.ts` and everything it loads) into
 * sigillo-bundle.js with a V8 code cache beside it: one file read and little compiling instead of ~200 module
 * look-ups. Without the bundle (a TypeScript-only build) the program runs from its own files, the same way.
 * SIGILLO_DEBUG_CODE_CACHE=1 prints on stderr how the bundle was compiled.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from './bundle-loader';

type Program = { main(argv: string[], env: NodeJS.ProcessEnv): Promise<void> };

const bundle = join(__dirname, 'sigillo-bundle.js');
let program: Program;
if (existsSync(bundle)) {
  const loaded = loadBundle(bundle, join(__dirname, 'sigillo-bundle.cache'), module);
  if (process.env.SIGILLO_DEBUG_CODE_CACHE === '1')
    process.stderr.write(`sigillo: code cache ${loaded.cache}\n`);
  program = loaded.exports as Program;
  module.exports = { bundledModules: (loaded.exports as { bundledModules?: () => string[] }).bundledModules };
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  program = require('./main') as Program;
}
void program.main(process.argv.slice(2), process.env);
