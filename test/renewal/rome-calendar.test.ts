import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  daysBetween,
  formatCivilDate,
  isCivilDate,
  romeDate,
} from '../../electron/core/renewal/rome-calendar';

describe('Europe/Rome civil dates', () => {
  it('takes the date on the Rome calendar, not the UTC one', () => {
    // winter (CET, UTC+1)
    expect(romeDate(new Date('2026-01-10T22:59:59Z'))).toBe('2026-01-10');
    expect(romeDate(new Date('2026-01-10T23:00:00Z'))).toBe('2026-01-11');
    // summer (CEST, UTC+2)
    expect(romeDate(new Date('2026-06-10T21:59:59Z'))).toBe('2026-06-10');
    expect(romeDate(new Date('2026-06-10T22:00:00Z'))).toBe('2026-06-11');
  });
  it('follows the DST changes (last Sunday of March and of October)', () => {
    // 2026-03-29: clocks go forward at 02:00 CET
    expect(romeDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(romeDate(new Date('2026-03-29T21:30:00Z'))).toBe('2026-03-29');
    expect(romeDate(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    // 2026-10-25: clocks go back at 03:00 CEST; that evening 22:30Z is 23:30 CET, still the 25th
    expect(romeDate(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(romeDate(new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
    expect(romeDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
  it('counts civil days across DST changes and leap days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2026-10-02')).toBe(-90);
    expect(addDays('2028-02-29', -90)).toBe('2027-12-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(dayNumber('1970-01-02')).toBe(1);
  });
  it('validates YYYY-MM-DD dates', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2027-02-29')).toBe(false);
    expect(isCivilDate('2027-13-01')).toBe(false);
    expect(isCivilDate('2027-1-01')).toBe(false);
    expect(isCivilDate('yesterday')).toBe(false);
  });
  it('formats dates for messages', () => {
    expect(formatCivilDate('2026-12-24', 'it')).toBe('24/12/2026');
    expect(formatCivilDate('2026-12-24', 'en')).toBe('24/12/2026'); // one date style (shared/format)
  });
  it('rejects an invalid instant', () => {
    expect(() => romeDate(new Date('nope'))).toThrow(RangeError);
  });
});
