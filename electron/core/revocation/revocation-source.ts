/**
 * Where revocation data bytes come from: the per-run memory cache (each URL fetched once per batch), the disk
 * cache while fresh, then the network unless offline.
 */
import { fetchBytes, type FetchOptions } from './http-fetch';
import type { RevocationCache } from './disk-cache';

export interface SourceOptions {
  offline: boolean;
  cache?: RevocationCache;
  fetch?: FetchOptions;
  now: () => Date;
}

export interface Fetched {
  data: Uint8Array;
  cached: boolean;
}

export type FetchOutcome =
  { ok: true; value: Fetched } | { ok: false; reason: 'offline' | 'network'; detail: string };

export class RevocationSource {
  private readonly memo = new Map<string, Promise<FetchOutcome>>();

  constructor(readonly opts: SourceOptions) {}

  /** Cached bytes for `key` when fresh, else the result of `download` (memoised per key for this run). */
  get(key: string, download: () => Promise<Uint8Array>): Promise<FetchOutcome> {
    let p = this.memo.get(key);
    if (!p) {
      p = this.load(key, download);
      this.memo.set(key, p);
    }
    return p;
  }

  private async load(key: string, download: () => Promise<Uint8Array>): Promise<FetchOutcome> {
    const hit = await this.opts.cache?.get(key, this.opts.now());
    if (hit) return { ok: true, value: { data: hit.data, cached: true } };
    if (this.opts.offline) return { ok: false, reason: 'offline', detail: key };
    try {
      return { ok: true, value: { data: await download(), cached: false } };
    } catch (e) {
      return { ok: false, reason: 'network', detail: (e as Error).message };
    }
  }

  /** Drops a memoised entry (e.g. data that failed validation) so nothing else reuses it. */
  forget(key: string): void {
    this.memo.delete(key);
  }

  httpGet(url: string): Promise<Uint8Array> {
    return fetchBytes(url, { ...this.opts.fetch, method: 'GET' });
  }

  httpPost(url: string, body: Uint8Array, contentType: string): Promise<Uint8Array> {
    return fetchBytes(url, { ...this.opts.fetch, method: 'POST', body, contentType, maxBytes: 1024 * 1024 });
  }
}
