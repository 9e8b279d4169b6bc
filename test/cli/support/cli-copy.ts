/**
 * A copy of the built CLI for the tests that change its bundles and caches (code-cache-cli.test.ts,
 * verifier-code-cache.test.ts): dist/electron/cli copied (timestamps kept), the rest of dist, node_modules and
 * package.json linked; and a snapshot of a folder, to check that a run wrote nothing.
 */
import { cpSync, lstatSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** every file under `dir` (links not followed) with its size and modification time */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(`${p} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** makes `root`/dist/electron/cli a copy of the built CLI (the rest linked); returns that folder */
export function copyBuiltCli(root: string): string {
  const dist = join(root, 'dist', 'electron');
  mkdirSync(dist, { recursive: true });
  for (const name of readdirSync(join(ROOT, 'dist', 'electron'))) {
    if (name !== 'cli') symlinkSync(join(ROOT, 'dist', 'electron', name), join(dist, name));
  }
  symlinkSync(join(ROOT, 'dist', 'shared'), join(root, 'dist', 'shared'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  const cli = join(dist, 'cli');
  cpSync(join(ROOT, 'dist', 'electron', 'cli'), cli, { recursive: true, preserveTimestamps: true });
  return cli;
}
