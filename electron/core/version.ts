/** Sigillo's version, from the package.json above this file (source tree, dist/ or the packaged app). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

export function sigilloVersion(): string {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'sigillo' && pkg.version) return (cached = pkg.version);
    }
    if (dirname(dir) === dir) return (cached = '?');
  }
}
