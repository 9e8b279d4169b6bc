/** Expiry reminders (issue 9): certificates remembered by fingerprint, snooze. */
import { z } from 'zod';
import { IsoDateSchema } from './common';
import { RenewalStatusSchema } from './certificates';

export const ReminderSchema = z.looseObject({
  fingerprint: z.string(),
  subject: z.string(),
  role: z.string().optional(),
  expires: IsoDateSchema,
  status: RenewalStatusSchema,
  /** whether a reminder is due now (not snoozed, at a 90/60/30/7/1-day step) */
  due: z.boolean(),
});
export type Reminder = z.infer<typeof ReminderSchema>;

export const RenewalStatusResponseSchema = z.strictObject({
  reminders: z.array(ReminderSchema),
});
export type RenewalStatusResponse = z.infer<typeof RenewalStatusResponseSchema>;

export const SnoozeRequestSchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  days: z.number().int().min(1).max(90),
});
export type SnoozeRequest = z.infer<typeof SnoozeRequestSchema>;
