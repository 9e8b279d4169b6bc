/**
 * Which PKCS#11 module to load: the explicit --module path, else env SIGILLO_PKCS11_MODULE, else the first
 * built-in CNS middleware location that exists.
 */
import { existsSync, statSync } from 'node:fs';
import { failure } from '../errors';
import { builtinModuleLocations } from './module-locations';

export const MODULE_ENV = 'SIGILLO_PKCS11_MODULE';

export interface ModuleQuery {
  /** --module PATH */
  module?: string;
  env?: NodeJS.ProcessEnv;
  platform?: string;
  /** overrides the built-in list (tests, ATR-driven choice) */
  candidates?: string[];
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findPkcs11Module(q: ModuleQuery = {}): string {
  const env = q.env ?? process.env;
  const explicit: [string | undefined, string | null][] = [
    [q.module, null],
    [env[MODULE_ENV], MODULE_ENV],
  ];
  for (const [path, source] of explicit) {
    if (path === undefined || path === '') continue;
    if (isFile(path)) return path;
    throw source
      ? failure('MODULE_NOT_FOUND', { source, path }, { tried: [path] })
      : failure('MODULE_NOT_FOUND:explicit', { path }, { tried: [path] });
  }
  const tried = q.candidates ?? builtinModuleLocations(q.platform ?? process.platform, env);
  const found = tried.find(isFile);
  if (found) return found;
  throw failure(
    'MODULE_NOT_FOUND:none',
    { paths: tried.map((p) => `  ${p}`).join('\n') },
    {
      tried,
    },
  );
}
