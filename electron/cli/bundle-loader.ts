/**
 * Runs the CLI bundle (one file made by esbuild at build time: `(function (exports, require, module, __filename,
 * __dirname) {…})`, the wrapper of a CommonJS file) as a module of its own, compiled with the
 * build's V8 code cache when `checkCodeCache` accepts it. Public APIs only: `vm.Script` with `cachedData`, a
 * `Module` object for `module`, `createRequire` for `require`; nothing of Node's loader is replaced, and nothing
 * is written.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Script, constants } from 'node:vm';
import { checkCodeCache, type CacheVerdict } from './code-cache';

/** how the bundle was compiled: with the cache, or without it and why */
type CacheUse = 'used' | 'rejected' | Extract<CacheVerdict, { reason: string }>['reason'];

interface LoadedBundle {
  exports: unknown;
  /** the compiled bundle (the build makes the cache from it after its training runs) */
  script: Script;
  cache: CacheUse;
}

type Wrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: Module,
  filename: string,
  dirname: string,
) => void;

/** how the bundle begins (build/scripts/bundle-cli.js writes it): the function Node wraps a CommonJS file in */
export const BUNDLE_HEAD = '(function (exports, require, module, __filename, __dirname) {';

function readOptional(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Compiles and runs `file` as a module whose parent is `parent`; `cacheFile` is its code cache (none: undefined). */
export function loadBundle(path: string, cacheFile: string | undefined, parent?: Module): LoadedBundle {
  const file = resolve(path);
  const bytes = readFileSync(file);
  if (!bytes.subarray(0, BUNDLE_HEAD.length).equals(Buffer.from(BUNDLE_HEAD))) {
    throw new Error(`${file} is not a CLI bundle`);
  }
  const verdict = checkCodeCache(bytes, readOptional(cacheFile));
  const cachedData = 'data' in verdict ? verdict.data : undefined;
  // the build's bundle is ASCII: read as Latin-1, it becomes a one-byte string without a UTF-8 decoding pass
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new Script(source, {
    filename: file,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cache: CacheUse =
    'reason' in verdict ? verdict.reason : script.cachedDataRejected ? 'rejected' : 'used';
  const mod = new Module(file, parent);
  const req = createRequire(file);
  mod.filename = file;
  mod.paths = req.resolve.paths('sigillo') ?? [];
  (script.runInThisContext() as Wrapper).call(mod.exports, mod.exports, req, mod, file, dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, script, cache };
}
