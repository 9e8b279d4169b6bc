/**
 * Harness-only: the page cannot learn a dropped file's path in a browser, so `pathsForFiles` uploads the file
 * here; it is stored under OUT/uploads/<random>/<name> and its absolute path is returned.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export const UPLOAD_PATH = '/upload';
export const MAX_UPLOAD = 1024 * 1024 * 1024;

/** A safe single file name, or null. */
export function safeFileName(raw: string | null): string | null {
  if (!raw || raw.length > 255 || raw === '.' || raw === '..') return null;
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f]/.test(raw)) return null;
  return raw;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, outDir: string): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
  const name = safeFileName(new URL(req.url ?? '/', 'http://x').searchParams.get('name'));
  if (!name) return send(res, 400, { error: 'bad file name' });
  const dir = join(outDir, 'uploads', randomBytes(8).toString('hex'));
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      cb(size > MAX_UPLOAD ? new Error('too large') : null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(path, { flags: 'wx' }));
  } catch {
    await rm(dir, { recursive: true, force: true });
    return send(res, 413, { error: 'upload failed' });
  }
  send(res, 200, { path });
}
