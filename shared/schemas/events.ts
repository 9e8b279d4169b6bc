/** Events pushed from the main process to the page. */
import { z } from 'zod';
import { ErrorInfoSchema } from './common';
import { ReminderSchema } from './renewal';

export const CardEventSchema = z.strictObject({
  type: z.enum([
    'reader-added',
    'reader-removed',
    'card-inserted',
    'card-removed',
    'tokens-changed',
    /** PC/SC unavailable, no reader, card mute… (error says what) */
    'error',
    /** the card worker process stopped (crash); it restarts on the next request */
    'driver-stopped',
  ]),
  reader: z.string().optional(),
  atr: z.string().optional(),
  error: ErrorInfoSchema.optional(),
});
export type CardEvent = z.infer<typeof CardEventSchema>;

export const ProgressEventSchema = z.strictObject({
  operationId: z.string(),
  file: z.string(),
  fileIndex: z.number().int().min(0),
  fileCount: z.number().int().min(1),
  bytesDone: z.number().min(0),
  bytesTotal: z.number().min(0),
  /** 'done' when that file is finished (ok or error) */
  phase: z.enum(['working', 'done']),
});
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;

/** Files given on the command line, by "open with", macOS open-file or a second launch. */
export const OpenFilesEventSchema = z.strictObject({ paths: z.array(z.string()) });
export type OpenFilesEvent = z.infer<typeof OpenFilesEventSchema>;

export const ReminderEventSchema = z.strictObject({ reminders: z.array(ReminderSchema) });
export type ReminderEvent = z.infer<typeof ReminderEventSchema>;

export const EVENT_SCHEMAS = {
  card: CardEventSchema,
  progress: ProgressEventSchema,
  openFiles: OpenFilesEventSchema,
  reminder: ReminderEventSchema,
} as const;

export type EventName = keyof typeof EVENT_SCHEMAS;
export type EventPayload<E extends EventName> = z.infer<(typeof EVENT_SCHEMAS)[E]>;
export const EVENT_NAMES = Object.keys(EVENT_SCHEMAS) as EventName[];
