/**
 * Harness-only: what "open with the system viewer" becomes in a browser — the file is offered once at
 * `/download/<id>?token=…` (random id, the session token required like every other request) and the page
 * downloads it. Only files the handlers put here are ever served.
 */
import { randomBytes } from 'node:crypto';

export const DOWNLOAD_PREFIX = '/download/';

export class DownloadShelf {
  private readonly files = new Map<string, { path: string; name: string }>();

  constructor(private readonly token = '') {}

  /** the URL the page fetches `path` from (as `name`) */
  offer(path: string, name: string): string {
    const id = randomBytes(16).toString('base64url');
    this.files.set(id, { path, name });
    while (this.files.size > 100) this.files.delete(this.files.keys().next().value as string);
    return `${DOWNLOAD_PREFIX}${id}?token=${this.token}`;
  }

  /** the file offered under `id`, once */
  take(id: string): { path: string; name: string } | undefined {
    const f = this.files.get(id);
    this.files.delete(id);
    return f;
  }
}
