/**
 * Civil-date arithmetic in the Europe/Rome time zone. A civil date is 'YYYY-MM-DD'; differences are counted on
 * civil dates (not on 24-hour spans), so DST changes and leap years never shift a day.
 */
export type CivilDate = string;

const DAY_MS = 86_400_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** made on first use: a formatter with a time zone loads the zone data (~20 ms), which most runs never need */
let romeFormat: Intl.DateTimeFormat | undefined;

/** The date shown on a calendar in Rome at that instant. */
export function romeDate(instant: Date): CivilDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  romeFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = romeFormat.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** True for a real calendar date written as YYYY-MM-DD (2027-02-29 is not one). */
export function isCivilDate(value: string): boolean {
  const m = CIVIL_DATE.exec(value);
  if (!m) return false;
  return fromDayNumber(dayNumber(value)) === value;
}

/** Days since 1970-01-01 of a civil date (no time zone involved). */
export function dayNumber(date: CivilDate): number {
  const m = CIVIL_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export function fromDayNumber(n: number): CivilDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole civil days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** How a civil date reads in a message: 24/12/2026 (day first in Italian and in British English alike). */
export function formatCivilDate(date: CivilDate, _lang?: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
