/**
 * Messages between the shell (main process or harness) and the card worker process. Plain JSON-cloneable data.
 * The worker runs every card/PKCS#11 and file operation so a crashing driver never takes the app down. What
 * each method carries is in methods.ts; this is the envelope, checked on arrival on both sides.
 */
import { z } from 'zod';
import { CardEventSchema, ProgressEventSchema } from '../../shared/schemas/events';
import type { WorkerMethod } from './methods';

const id = z.number().int();

/** the envelope of a call: params are parsed by the method's schema once the method is known (worker-loop.ts) */
const WorkerCallSchema = z.object({
  kind: z.literal('call'),
  id,
  op: z.string(),
  params: z.unknown(),
  /** language of the messages the worker produces */
  lang: z.string(),
});

const WorkerCancelSchema = z.object({ kind: z.literal('cancel'), id });

export const ToWorkerSchema = z.union([WorkerCallSchema, WorkerCancelSchema]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;
export type WorkerCall = z.infer<typeof WorkerCallSchema>;
export type WorkerCancel = z.infer<typeof WorkerCancelSchema>;

/** what the shell sends: a call names one of the worker's methods */
export type ShellCall = WorkerCall & { op: WorkerMethod; lang: 'it' | 'en' };

/** progress of one file (the shell adds the page's operationId) */
export const WorkerProgressSchema = ProgressEventSchema.omit({ operationId: true });
export type WorkerProgress = z.infer<typeof WorkerProgressSchema>;

const error = z.strictObject({ code: z.string(), message: z.string() });

export const FromWorkerSchema = z.union([
  z.strictObject({ kind: z.literal('ready') }),
  /** value: checked against the method's response schema by the caller (methods.ts) */
  z.strictObject({ kind: z.literal('result'), id, ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ kind: z.literal('result'), id, ok: z.literal(false), error }),
  z.strictObject({ kind: z.literal('progress'), id, progress: WorkerProgressSchema }),
  z.strictObject({ kind: z.literal('event'), event: z.literal('card'), payload: CardEventSchema }),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;
