/** The result of `sigillo reminders`: one JSON shape, and its text rendering. */
import { getLang, t } from '../../core/i18n/translate';
import { rememberedStatus } from '../../core/renewal/reminder-rules';
import type { ReminderScheduler } from '../../core/renewal/reminder-scheduler';
import type { Reminder, RememberedCertificate } from '../../core/renewal/reminder-types';
import type { RenewalStatus } from '../../core/renewal/renewal-types';
import { formatCivilDate } from '../../core/renewal/rome-calendar';
import type { Output } from '../output';

export interface RemindersReport {
  enabled: boolean;
  snoozedUntil: string | null;
  /** certificates remembered by --scan in this run */
  scanned?: number;
  /** reminders that apply today (thresholds not yet shown), ignoring on/off and snooze */
  reminders: Reminder[];
  /** with --all: every remembered certificate and its renewal status */
  remembered?: Array<RememberedCertificate & { renewal: RenewalStatus }>;
}

export async function remindersJson(
  scheduler: ReminderScheduler,
  now: Date,
  all: boolean,
  scanned: number | undefined,
): Promise<RemindersReport> {
  const settings = await scheduler.settings();
  const report: RemindersReport = {
    enabled: settings.enabled,
    snoozedUntil: settings.snoozedUntil ?? null,
    ...(scanned !== undefined ? { scanned } : {}),
    reminders: await scheduler.pending(now),
  };
  if (all) {
    const list = await scheduler.remembered();
    report.remembered = list.map((c) => ({ ...c, renewal: rememberedStatus(c, list, now) }));
  }
  return report;
}

const ROLE = {
  signature: { it: 'firma', en: 'signature' },
  authentication: { it: 'autenticazione', en: 'authentication' },
  other: { it: 'altro', en: 'other' },
};

function who(c: { commonName?: string; fiscalCode?: string; role: keyof typeof ROLE }): string {
  return `${c.commonName ?? c.fiscalCode ?? '?'} (${t(ROLE[c.role])})`;
}

export function printReminders(out: Output, r: RemindersReport): void {
  if (r.scanned !== undefined) {
    out.line(t({ it: 'Certificati ricordati: {n}.', en: 'Certificates remembered: {n}.' }, { n: r.scanned }));
  }
  if (!r.enabled) out.line(t({ it: 'Promemoria disattivati.', en: 'Reminders are off.' }));
  if (r.snoozedUntil) {
    out.line(
      t(
        { it: 'Promemoria sospesi fino al {d}.', en: 'Reminders snoozed until {d}.' },
        { d: formatCivilDate(r.snoozedUntil, getLang()) },
      ),
    );
  }
  if (!r.reminders.length) out.line(t({ it: 'Nessun promemoria per oggi.', en: 'No reminders for today.' }));
  for (const rem of r.reminders) out.line(`⚠ ${who(rem)}: ${rem.message}`);
  for (const c of r.remembered ?? [])
    out.line(`• ${who(c)} ${c.fingerprintSha256.slice(0, 16)}…: ${c.renewal.message}`);
}
