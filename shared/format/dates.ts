/**
 * Dates, times and day counts as the CLI, the window and the report PDF show them: Europe/Rome (where the CNS
 * lives), day first (24/12/2026 22:10) in Italian and English alike, 24-hour clock. Plain Intl, no Node.
 */
import { daysBetween, formatCivilDate, isCivilDate, romeDate } from './rome-calendar';

export const ZONE = 'Europe/Rome';

type When = string | Date;

/** made on first use: a formatter with a time zone loads the zone data (~20–30 ms), which a --json run never needs */
let parts: Intl.DateTimeFormat | undefined;

function toDate(when: When): Date | null {
  const d = when instanceof Date ? when : new Date(when);
  return Number.isNaN(d.getTime()) ? null : d;
}

function romeParts(d: Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  parts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const got = Object.fromEntries(parts.formatToParts(d).map((p) => [p.type, p.value]));
  return {
    day: got.day ?? '',
    month: got.month ?? '',
    year: (got.year ?? '').padStart(4, '0'),
    hour: got.hour ?? '',
    minute: got.minute ?? '',
  };
}

/** 06/12/2026 (Rome calendar; a YYYY-MM-DD civil date as it is); an unreadable value is returned as given. */
export function formatDate(when: When, _lang?: string): string {
  if (typeof when === 'string' && isCivilDate(when)) return formatCivilDate(when);
  const d = toDate(when);
  if (!d) return String(when);
  const p = romeParts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 22:10 (Rome clock). */
export function formatTime(when: When, _lang?: string): string {
  const d = toDate(when);
  if (!d) return String(when);
  const p = romeParts(d);
  return `${p.hour}:${p.minute}`;
}

/** 06/12/2026 22:10 (Rome local time). */
export function formatDateTime(when: When, lang?: string): string {
  const d = toDate(when);
  if (!d) return String(when);
  return `${formatDate(d, lang)} ${formatTime(d, lang)}`;
}

/**
 * Days left until `until`, the one rule everywhere: Rome calendar days from today's date to that date's date
 * (0 on the last day, negative once past). The renewal module, the CLI and the window all count with this.
 */
export function daysLeft(until: When, now: Date = new Date()): number {
  if (typeof until === 'string' && isCivilDate(until)) return daysBetween(romeDate(now), until);
  const d = toDate(until);
  if (!d) throw new RangeError(`not a date: ${String(until)}`);
  return daysBetween(romeDate(now), romeDate(d));
}
