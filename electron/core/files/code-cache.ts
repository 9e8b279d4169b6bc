/**
 * V8 code cache for the CLI's CommonJS modules (issue 22): compiling the ~160 modules a `verify` loads, and the
 * functions it then runs, was most of the start-up (0.25 s CPU for one small file). Each module is compiled
 * with the bytes V8 produced for it on an earlier run; the bytes are written once, at the end of the first run
 * that lacked them, to the user's cache folder.
 *
 * Safe when the cache is stale or damaged: an entry is named by the SHA-256 of the Node/V8 version, the
 * module's path and its source, so a changed module never meets an old entry; each entry carries the SHA-256
 * of its bytes, checked before V8 sees them (V8 itself rejects bytes of another version or other flags); any
 * entry that fails is ignored, the module compiled as usual and the entry written again. Modules that use
 * `import()` are compiled as usual (a script compiled through node:vm has no loader for it). Reading or writing
 * the cache never fails a run.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { Script } from 'node:vm';
import { APP_FOLDER } from '../paths';

const CHECK = 32;
/** past this many entries (builds come and go), the oldest are removed when new ones are written */
const MAX_ENTRIES = 2000;
/** `import(` (or `import /* …` / `import //…`) anywhere in the source, comments and strings included */
const DYNAMIC_IMPORT = /\bimport\s*[(/]/;

/**
 * The folder of the code cache: <SIGILLO_DATA_DIR>/code-cache when set (tests, portable installs), else the
 * OS cache folder: $XDG_CACHE_HOME/Sigillo (default ~/.cache/Sigillo), ~/Library/Caches/Sigillo,
 * %LOCALAPPDATA%\Sigillo\Cache; then code-cache.
 */
export function codeCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.SIGILLO_DATA_DIR) return join(env.SIGILLO_DATA_DIR, 'code-cache');
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local');
    return win32.join(local, APP_FOLDER, 'Cache', 'code-cache');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Caches', APP_FOLDER, 'code-cache');
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.cache');
  return posix.join(base, APP_FOLDER, 'code-cache');
}

/** the entry name of a module: its source and path under this Node and V8 */
export function entryName(filename: string, source: string): string {
  return createHash('sha256')
    .update(`${process.version}\0${process.versions.v8}\0${process.arch}\0${filename}\0`)
    .update(source)
    .digest('hex');
}

/** the cached bytes of an entry, or undefined (absent, cut, or not the bytes that were written) */
export function readEntry(path: string): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch {
    return undefined;
  }
  if (raw.length <= CHECK) return undefined;
  const data = raw.subarray(CHECK);
  const sum = createHash('sha256').update(data).digest();
  return sum.equals(raw.subarray(0, CHECK)) ? data : undefined;
}

/** writes an entry atomically (temporary name, then rename); errors are ignored */
export function writeEntry(path: string, data: Buffer): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([createHash('sha256').update(data).digest(), data]), {
      mode: 0o600,
    });
    renameSync(temp, path);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
  }
}

/** keeps the folder bounded: past MAX_ENTRIES, the least recently written entries go */
export function pruneEntries(dir: string, max = MAX_ENTRIES): void {
  try {
    const names = readdirSync(dir);
    if (names.length <= max) return;
    const dated = names.map((n) => {
      try {
        return { n, t: statSync(join(dir, n)).mtimeMs };
      } catch {
        return { n, t: 0 };
      }
    });
    dated.sort((a, b) => a.t - b.t);
    for (const { n } of dated.slice(0, names.length - max / 2)) {
      try {
        unlinkSync(join(dir, n));
      } catch {
        // another process removed it
      }
    }
  } catch {
    // no folder
  }
}

interface CompileHook {
  _compile(this: Module, content: string, filename: string): unknown;
}

let installed = false;

/** modules of this process compiled from a cache entry, compiled afresh, left to Node (they use import()) */
export const codeCacheStats = { cached: 0, compiled: 0, skipped: 0 };

/**
 * Compiles CommonJS modules with the code cache of `dir` from now on. `write`: at exit, entries are written for
 * the modules that had none (the calling thread; verifier threads only read).
 */
export function installCodeCache(o: { dir?: string; write?: boolean } = {}): void {
  if (installed) return;
  installed = true;
  const dir = o.dir ?? codeCacheDir();
  const proto = Module.prototype as unknown as CompileHook;
  const compile = proto._compile;
  const fresh: { script: Script; path: string }[] = [];
  proto._compile = function (this: Module, content: string, filename: string): unknown {
    if (DYNAMIC_IMPORT.test(content)) {
      codeCacheStats.skipped++;
      return compile.call(this, content, filename);
    }
    const path = join(dir, entryName(filename, content));
    const cachedData = readEntry(path);
    // a leading #! line is a comment for V8 only at the very start of a script, no longer inside the wrapper
    const body = content.startsWith('#!') ? `//${content}` : content;
    const script = new Script(Module.wrap(body), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) {
      codeCacheStats.compiled++;
      fresh.push({ script, path });
    } else codeCacheStats.cached++;
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const mod = this as Module & { require(id: string): unknown };
    const require = ((id: string) => mod.require(id)) as NodeJS.Require;
    const resolve = ((request: string, options?: { paths?: string[] }) =>
      (Module as unknown as ModuleInternals)._resolveFilename(
        request,
        mod,
        false,
        options,
      )) as NodeJS.RequireResolve;
    resolve.paths = (request: string) =>
      (Module as unknown as ModuleInternals)._resolveLookupPaths(request, mod);
    require.resolve = resolve;
    require.main = process.mainModule;
    require.extensions = (Module as unknown as { _extensions: NodeJS.RequireExtensions })._extensions;
    require.cache = (Module as unknown as { _cache: NodeJS.Dict<NodeModule> })._cache;
    return wrapper.call(mod.exports, mod.exports, require, mod, filename, dirname(filename));
  };
  if (o.write === false) return;
  process.once('exit', () => {
    if (fresh.length === 0) return;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch {
      return;
    }
    for (const { script, path } of fresh) {
      try {
        writeEntry(path, script.createCachedData());
      } catch {
        // a script V8 cannot serialise: compiled again next time
      }
    }
    pruneEntries(dir);
  });
}

interface ModuleInternals {
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
}
