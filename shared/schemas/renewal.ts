/**
 * Expiry reminders (issue 9). The scheduler (electron/core/renewal) remembers every certificate seen, so it
 * reminds with the card out; reminders at 90/60/30/7/1 days; a global snooze; can be turned off.
 */
import { z } from 'zod';
import { CertRoleSchema, RenewalStateSchema } from './certificates';

const RenewalUrlsSchema = z.strictObject({
  renewal: z.string(),
  suspension: z.string(),
  revocation: z.string(),
});

/** Mirrors electron/core/renewal/reminder-types.ts Reminder. */
export const ReminderSchema = z.object({
  fingerprintSha256: z.string(),
  commonName: z.string().optional(),
  fiscalCode: z.string().optional(),
  role: CertRoleSchema,
  /** the threshold reached (90, 60, 30, 7 or 1 days) */
  threshold: z.number(),
  daysLeft: z.number(),
  /** YYYY-MM-DD, Europe/Rome */
  expires: z.string(),
  state: RenewalStateSchema,
  ca: z.string(),
  urls: RenewalUrlsSchema.nullable(),
  alreadyRenewed: z.boolean(),
  canRenewOnline: z.boolean(),
  message: z.string(),
});
export type Reminder = z.infer<typeof ReminderSchema>;

export const RenewalStatusResponseSchema = z.strictObject({
  enabled: z.boolean(),
  /** YYYY-MM-DD (Europe/Rome) or null */
  snoozedUntil: z.string().nullable(),
  /** reminders that apply now (ignoring snooze and on/off: the page decides on the banner) */
  pending: z.array(ReminderSchema),
  /** number of certificates remembered */
  remembered: z.number().int().min(0),
});
export type RenewalStatusResponse = z.infer<typeof RenewalStatusResponseSchema>;

/** Snooze all reminders for `days` days; 0 ends the snooze. */
export const SnoozeRequestSchema = z.strictObject({ days: z.number().int().min(0).max(365) });
export type SnoozeRequest = z.infer<typeof SnoozeRequestSchema>;

export const SetRemindersRequestSchema = z.strictObject({ enabled: z.boolean() });
export type SetRemindersRequest = z.infer<typeof SetRemindersRequestSchema>;
