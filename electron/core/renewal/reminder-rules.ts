/**
 * Pure reminder logic over ReminderData: which reminders are due at an instant, and recording them as shown.
 * A certificate reminds at the smallest threshold its days-left has reached, if that threshold has not fired;
 * never once expired, never after a newer certificate of the same role on the same device (or, device unknown,
 * of the same fiscal code) was seen — that is a renewal or a new device.
 */
import { earliest } from './already-renewed';
import { evaluateRenewal } from './renewal-rules';
import { dayNumber, romeDate } from './rome-calendar';
import type { RenewalStatus } from './renewal-types';
import {
  REMINDER_THRESHOLDS,
  type RememberedCertificate,
  type Reminder,
  type ReminderData,
} from './reminder-types';

function sameHolderDevice(a: RememberedCertificate, b: RememberedCertificate): boolean {
  if (a.deviceSerial && b.deviceSerial) return a.deviceSerial === b.deviceSerial;
  return Boolean(a.fiscalCode) && a.fiscalCode === b.fiscalCode;
}

function superseded(c: RememberedCertificate, all: RememberedCertificate[]): boolean {
  return all.some(
    (o) =>
      o !== c &&
      o.role === c.role &&
      sameHolderDevice(o, c) &&
      Date.parse(o.notAfter) > Date.parse(c.notAfter),
  );
}

function deviceFirstNotBefore(c: RememberedCertificate, all: RememberedCertificate[]): string | undefined {
  if (!c.deviceSerial) return undefined;
  // same device and same role: the other role's dates are no evidence of a renewal
  return earliest(
    all.filter((o) => o.deviceSerial === c.deviceSerial && o.role === c.role).map((o) => o.notBefore),
  );
}

/** Renewal status of a remembered certificate, with the device's first certificate when the store knows it. */
export function rememberedStatus(
  c: RememberedCertificate,
  all: RememberedCertificate[],
  now: Date,
): RenewalStatus {
  return evaluateRenewal(c, now, { deviceFirstNotBefore: deviceFirstNotBefore(c, all) });
}

/** The threshold a certificate with `daysLeft` days left has reached; undefined above 90 days. */
export function reachedThreshold(daysLeft: number): number | undefined {
  const reached = REMINDER_THRESHOLDS.filter((t) => daysLeft <= t);
  return reached.length ? Math.min(...reached) : undefined;
}

export function isSnoozed(data: ReminderData, now: Date): boolean {
  const until = data.settings.snoozedUntil;
  return until !== undefined && dayNumber(romeDate(now)) < dayNumber(until);
}

/** Reminders to show at `now`, ignoring the enabled/snooze settings (see dueReminders). */
export function pendingReminders(data: ReminderData, now: Date): Reminder[] {
  const out: Reminder[] = [];
  for (const c of data.certificates) {
    if (superseded(c, data.certificates)) continue;
    const status = rememberedStatus(c, data.certificates, now);
    if (status.state !== 'renewable' && status.state !== 'last-day') continue;
    const threshold = reachedThreshold(status.daysLeft);
    if (threshold === undefined || c.fired.includes(threshold)) continue;
    out.push({
      fingerprintSha256: c.fingerprintSha256,
      commonName: c.commonName,
      fiscalCode: c.fiscalCode,
      role: c.role,
      threshold,
      daysLeft: status.daysLeft,
      expires: status.expires,
      state: status.state,
      ca: status.ca,
      urls: status.urls,
      alreadyRenewed: status.alreadyRenewed,
      canRenewOnline: status.canRenewOnline,
      message: status.message,
    });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}

/** Reminders to show at `now`: none when turned off or snoozed. */
export function dueReminders(data: ReminderData, now: Date): Reminder[] {
  if (!data.settings.enabled || isSnoozed(data, now)) return [];
  return pendingReminders(data, now);
}

/** Records reminders as shown: their threshold and every larger one will not fire again. */
export function markShown(data: ReminderData, reminders: Reminder[]): ReminderData {
  const certificates = data.certificates.map((c) => {
    const shown = reminders.filter((r) => r.fingerprintSha256 === c.fingerprintSha256);
    if (!shown.length) return c;
    const lowest = Math.min(...shown.map((r) => r.threshold));
    const fired = new Set([...c.fired, ...REMINDER_THRESHOLDS.filter((t) => t >= lowest)]);
    return { ...c, fired: [...fired].sort((a, b) => b - a) };
  });
  return { ...data, certificates };
}
