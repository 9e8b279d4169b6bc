/**
 * Disk cache of verified trusted lists under <user data folder>/trusted-lists/: one JSON file per list
 * (`lotl.json`, `tl-IT.json`, …: the parsed list plus where and when it was fetched) and `update.json`
 * (the outcome of the last `trust update`). Written atomically; a damaged file reads as absent.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withAtomicOutput } from '../files/atomic-output';
import { userDataDir } from '../paths';
import type { TrustedList } from './tsl-types';

export interface CachedList {
  /** where it was downloaded from */
  url: string;
  /** ISO date-time of the download */
  fetchedAt: string;
  /** subject of the certificate that signed it */
  signer: string;
  list: TrustedList;
}

export interface UpdateFailure {
  territory: string;
  url: string;
  code: string;
  message: string;
}

export interface UpdateRecord {
  updatedAt: string;
  lotlUrl: string;
  failures: UpdateFailure[];
}

export function tslCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'trusted-lists');
}

const LOTL_FILE = 'lotl.json';
const UPDATE_FILE = 'update.json';
const LIST_PREFIX = 'tl-';

/** File-name-safe territory code (trusted lists use ISO 3166 alpha-2 plus "EL", "UK", "EU"). */
function listFile(territory: string): string {
  return `${LIST_PREFIX}${territory.replace(/[^A-Za-z0-9]/g, '_').slice(0, 16)}.json`;
}

async function writeJson(dir: string, name: string, value: unknown): Promise<void> {
  await mkdir(dir, { recursive: true });
  await withAtomicOutput(join(dir, name), { overwrite: true }, async (h) => {
    await h.writeFile(JSON.stringify(value));
  });
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function isCachedList(v: CachedList | undefined): v is CachedList {
  return Boolean(v && typeof v.url === 'string' && v.list && Array.isArray(v.list.services));
}

export class TslCache {
  constructor(readonly dir: string) {}

  static forEnv(env: NodeJS.ProcessEnv = process.env): TslCache {
    return new TslCache(tslCacheDir(env));
  }

  saveLotl(entry: CachedList): Promise<void> {
    return writeJson(this.dir, LOTL_FILE, entry);
  }

  saveList(entry: CachedList): Promise<void> {
    return writeJson(this.dir, listFile(entry.list.territory), entry);
  }

  saveUpdate(record: UpdateRecord): Promise<void> {
    return writeJson(this.dir, UPDATE_FILE, record);
  }

  async lotl(): Promise<CachedList | undefined> {
    const v = await readJson<CachedList>(join(this.dir, LOTL_FILE));
    return isCachedList(v) ? v : undefined;
  }

  async list(territory: string): Promise<CachedList | undefined> {
    const v = await readJson<CachedList>(join(this.dir, listFile(territory)));
    return isCachedList(v) ? v : undefined;
  }

  async lastUpdate(): Promise<UpdateRecord | undefined> {
    return readJson<UpdateRecord>(join(this.dir, UPDATE_FILE));
  }

  /** Every cached member-state list, by territory. */
  async lists(): Promise<CachedList[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const files = names.filter((n) => n.startsWith(LIST_PREFIX) && n.endsWith('.json')).sort();
    const all = await Promise.all(files.map((n) => readJson<CachedList>(join(this.dir, n))));
    return all.filter(isCachedList);
  }
}
