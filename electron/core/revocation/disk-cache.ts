/**
 * Disk cache of revocation data (CRLs, OCSP responses) kept until their nextUpdate, under
 * <user data folder>/revocation-cache/. Writes are atomic (temp file + rename); a damaged entry is a miss.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { userDataDir } from '../paths';

export interface CacheEntry {
  data: Uint8Array;
  nextUpdate: Date;
  fetchedAt: Date;
}

interface Meta {
  key: string;
  nextUpdate: string;
  fetchedAt: string;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'revocation-cache');
}

export class RevocationCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return join(this.dir, createHash('sha256').update(key).digest('hex'));
  }

  /** The entry for `key` when present and still fresh at `now`. */
  async get(key: string, now: Date): Promise<CacheEntry | undefined> {
    const base = this.file(key);
    try {
      const meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as Meta;
      const nextUpdate = new Date(meta.nextUpdate);
      if (meta.key !== key || !(nextUpdate.getTime() > now.getTime())) return undefined;
      const data = new Uint8Array(await readFile(`${base}.der`));
      return { data, nextUpdate, fetchedAt: new Date(meta.fetchedAt) };
    } catch {
      return undefined;
    }
  }

  /** Stores `data` until nextUpdate; failures to write are not errors (the cache is an optimisation). */
  async put(key: string, data: Uint8Array, nextUpdate: Date): Promise<void> {
    const base = this.file(key);
    const meta: Meta = { key, nextUpdate: nextUpdate.toISOString(), fetchedAt: new Date().toISOString() };
    try {
      await mkdir(this.dir, { recursive: true });
      await atomicWrite(`${base}.der`, data);
      await atomicWrite(`${base}.json`, Buffer.from(JSON.stringify(meta)));
    } catch {
      // read-only or full disk: keep going without the cache
    }
  }
}

async function atomicWrite(path: string, data: Uint8Array): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
