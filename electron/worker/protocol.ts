/**
 * Messages between the shell (main process or harness) and the card worker process. Plain JSON-cloneable data.
 * The worker runs every card/PKCS#11 and file operation so a crashing driver never takes the app down.
 */
import type { ErrorInfo } from '../core/errors';

export type WorkerOp =
  | 'listTokens'
  | 'sign'
  | 'changePin'
  | 'unblockPin'
  | 'exportCertificate'
  | 'verify'
  | 'extract'
  | 'exportReport'
  | 'watchCards'
  | 'trustStatus'
  | 'trustUpdate'
  | 'visualDiff'
  | 'ping';

export interface WorkerCall {
  kind: 'call';
  id: number;
  op: WorkerOp;
  params: unknown;
  /** language of the messages the worker produces */
  lang: 'it' | 'en';
}

export interface WorkerCancel {
  kind: 'cancel';
  id: number;
}

export type ToWorker = WorkerCall | WorkerCancel;

export interface WorkerProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesDone: number;
  bytesTotal: number;
  phase: 'working' | 'done';
}

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: ErrorInfo }
  | { kind: 'progress'; id: number; progress: WorkerProgress }
  | { kind: 'event'; event: 'card'; payload: unknown };

export function isToWorker(m: unknown): m is ToWorker {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  return (
    (o.kind === 'call' && typeof o.op === 'string' && typeof o.id === 'number') ||
    (o.kind === 'cancel' && typeof o.id === 'number')
  );
}
