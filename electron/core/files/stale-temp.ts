/** Removes temporary files of ours (`.<name>.sigillo-<random>.tmp`) left behind by a crash. */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_PATTERN } from './atomic-output';

/** Deletes our temporary files in `dir` older than `maxAgeMs` (default one hour); returns their paths. */
export async function cleanStaleTemps(dir: string, maxAgeMs = 3600_000, now = Date.now()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.filter((n) => TEMP_PATTERN.test(n))) {
    const path = join(dir, name);
    const st = await stat(path).catch(() => undefined);
    if (!st?.isFile() || now - st.mtimeMs < maxAgeMs) continue;
    if (
      await unlink(path).then(
        () => true,
        () => false,
      )
    )
      removed.push(path);
  }
  return removed;
}
