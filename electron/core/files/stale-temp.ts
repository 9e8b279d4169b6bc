/**
 * Our temporary files (`.<name>.sigillo-<tag>.tmp`) and removing the ones left behind by a crash. The 16-hex
 * tag is the writer's PID (8), a tag of its host name (4) and 4 random digits: a temporary file whose writer
 * is no longer running on this host is stale at once (the next run cleans up after a SIGKILL); any other is
 * stale after an hour (another host on a shared folder, an old naming). A temporary *folder* with that naming (a
 * staged multi-file extraction) is removed with its contents the same way. Names are cut to fit NAME_MAX.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, readdir, rm, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const TEMP_PATTERN = /^\..+\.sigillo-([0-9a-f]{16})\.tmp$/;

const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 4);

/** NAME_MAX of the usual file systems, in bytes */
export const NAME_MAX = 255;

/**
 * `.<name>.sigillo-<tag>.tmp`, with `name` cut (at a character boundary) so that the whole fits in NAME_MAX
 * bytes: a 250-byte output name still gets a temporary file.
 */
export function tempNameFor(name: string, tag = tempTag()): string {
  const suffix = `.sigillo-${tag}.tmp`;
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  let cut = name;
  while (Buffer.byteLength(cut) > room) cut = cut.slice(0, -1);
  // a lone high surrogate left by the cut is not valid UTF-16
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `.${cut || 'x'}${suffix}`;
}

/** A fresh tag for a temporary file written by this process. */
export function tempTag(): string {
  return process.pid.toString(16).padStart(8, '0').slice(-8) + HOST_TAG + randomBytes(2).toString('hex');
}

/** true when the tag names a process of this host that is no longer running */
function writerGone(tag: string): boolean {
  if (tag.slice(8, 12) !== HOST_TAG) return false;
  const pid = parseInt(tag.slice(0, 8), 16);
  if (pid <= 1 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Deletes our temporary files (and staging folders) in `dir` whose writer is gone, or older than `maxAgeMs` (default one hour);
 * returns their paths.
 */
export async function cleanStaleTemps(dir: string, maxAgeMs = 3600_000, now = Date.now()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const tag = TEMP_PATTERN.exec(name)?.[1];
    if (!tag) continue;
    const path = join(dir, name);
    const st = await lstat(path).catch(() => undefined);
    if (!st || !(st.isFile() || st.isDirectory())) continue;
    if (now - st.mtimeMs < maxAgeMs && !writerGone(tag)) continue;
    const gone = st.isDirectory() ? rm(path, { recursive: true, force: true }) : unlink(path);
    if (
      await gone.then(
        () => true,
        () => false,
      )
    )
      removed.push(path);
  }
  return removed;
}

const cleaned = new Set<string>();

/** cleanStaleTemps once per folder per process (before the first output written there); never fails. */
export async function cleanStaleTempsOnce(dir: string): Promise<void> {
  const key = resolve(dir);
  if (cleaned.has(key)) return;
  cleaned.add(key);
  await cleanStaleTemps(key).catch(() => undefined);
}
