/** The EU trusted lists as the app shows them (Settings), and their update with progress events. */
import { z } from 'zod';
import { OperationIdSchema } from './common';

export const TrustStateSchema = z.strictObject({
  /** ISO instant of the last update, null when never updated */
  lastUpdate: z.string().nullable(),
  /** whole days since the last update */
  ageDays: z.number().int().nullable(),
  /** member-state lists loaded */
  lists: z.number().int().min(0),
  services: z.number().int().min(0),
  anchors: z.number().int().min(0),
  /** lists that failed in the last update */
  failures: z.array(
    z.strictObject({ territory: z.string(), url: z.string(), code: z.string(), message: z.string() }),
  ),
  /** never updated, older than 7 days or past a list's next update: the app refreshes in the background */
  stale: z.boolean(),
});
export type TrustState = z.infer<typeof TrustStateSchema>;

/** progress events carry this operationId: file = territory, fileIndex / fileCount = lists done / total */
export const UpdateTrustRequestSchema = z.strictObject({ operationId: OperationIdSchema });
export type UpdateTrustRequest = z.infer<typeof UpdateTrustRequestSchema>;
