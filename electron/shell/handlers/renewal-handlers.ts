/** Expiry reminders: C's scheduler over reminders.json in the user data folder (main process, no card needed). */
import { join } from 'node:path';
import { REMINDERS_FILE, JsonFileReminderStore } from '../../core/renewal/reminder-file-store';
import { ReminderScheduler } from '../../core/renewal/reminder-scheduler';
import { addDays, romeDate } from '../../core/renewal/rome-calendar';
import type { Reminder } from '../../../shared/schemas/renewal';
import type { TokenView } from '../../../shared/schemas/certificates';
import type { ShellContext } from '../ipc/context';
import type { HandlerTable } from './handler-types';

export function reminderScheduler(ctx: Pick<ShellContext, 'info'>): ReminderScheduler {
  return new ReminderScheduler(new JsonFileReminderStore(join(ctx.info.userDataDir, REMINDERS_FILE)));
}

/** Remembers the certificates of the tokens just listed (fingerprint, subject, dates: nothing secret). */
export async function rememberTokens(ctx: ShellContext, tokens: TokenView[]): Promise<void> {
  const scheduler = reminderScheduler(ctx);
  for (const token of tokens) {
    const infos = token.certificates.map((c) => c.info);
    await scheduler.remember(infos, { serialNumber: token.serialNumber });
  }
}

/** The reminders due now (each threshold once); the shell calls it at start-up and daily. */
export async function dueReminders(ctx: ShellContext): Promise<Reminder[]> {
  const reminders = await reminderScheduler(ctx).due();
  if (reminders.length) ctx.emit('reminder', { reminders });
  return reminders;
}

export const renewalHandlers: HandlerTable<'renewalStatus' | 'snoozeReminder' | 'setReminders'> = {
  renewalStatus: async (_req, ctx) => {
    const scheduler = reminderScheduler(ctx);
    const settings = await scheduler.settings();
    return {
      enabled: settings.enabled,
      snoozedUntil: settings.snoozedUntil ?? null,
      pending: await scheduler.pending(),
      remembered: (await scheduler.remembered()).length,
    };
  },
  snoozeReminder: async (req, ctx) => {
    const until = req.days === 0 ? undefined : addDays(romeDate(new Date()), req.days);
    await reminderScheduler(ctx).snooze(until);
    return { ok: true };
  },
  setReminders: async (req, ctx) => {
    await reminderScheduler(ctx).setEnabled(req.enabled);
    return { ok: true };
  },
};
