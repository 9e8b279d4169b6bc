/**
 * The one formatter (shared/format): Rome local time across DST, the same day count as the renewal module,
 * amounts and sizes in Italian and English.
 */
import { describe, expect, it } from 'vitest';
import {
  daysLeft,
  formatAmount,
  formatBytes,
  formatDate,
  formatDateTime,
  formatTime,
} from '../../shared/format';
import { evaluateRenewal } from '../../electron/core/renewal';
import { validityText } from '../../electron/cli/cert-text';
import { setLang } from '../../electron/core/i18n/translate';
import type { CertInfo } from '../../electron/core/x509/cert-info-types';

describe('dates and times (Europe/Rome)', () => {
  it('prints dd/mm/yyyy hh:mm in Rome local time, winter (UTC+1) and summer (UTC+2)', () => {
    expect(formatDateTime('2026-12-06T21:10:00Z', 'it')).toBe('06/12/2026 22:10');
    expect(formatDateTime('2026-07-06T20:10:00Z', 'it')).toBe('06/07/2026 22:10');
    expect(formatDateTime('2026-12-06T21:10:00Z', 'en')).toBe('06/12/2026 22:10');
  });
  it('follows the DST changes: 02:00 → 03:00 on 29 March, 03:00 → 02:00 on 25 October 2026', () => {
    expect(formatDateTime('2026-03-29T00:59:00Z')).toBe('29/03/2026 01:59');
    expect(formatDateTime('2026-03-29T01:00:00Z')).toBe('29/03/2026 03:00');
    expect(formatDateTime('2026-10-25T00:30:00Z')).toBe('25/10/2026 02:30');
    expect(formatDateTime('2026-10-25T01:30:00Z')).toBe('25/10/2026 02:30');
    expect(formatTime('2026-10-25T02:00:00Z')).toBe('03:00');
  });
  it('the date is the Rome date, not the UTC one, and midnight is 00', () => {
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('01/01/2027');
    expect(formatDateTime('2026-12-31T23:00:00Z')).toBe('01/01/2027 00:00');
  });
  it('a civil date (YYYY-MM-DD) is shown as that day, never shifted', () => {
    expect(formatDate('2026-12-24', 'it')).toBe('24/12/2026');
    expect(formatDate('2026-12-24', 'en')).toBe('24/12/2026');
  });
  it('an unreadable value is shown as given', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('day counts: one rule (Rome calendar days) for CLI, window and renewal', () => {
  const cert = (notAfter: string) => ({
    notBefore: '2024-01-01T00:00:00Z',
    notAfter,
    ca: 'infocamere' as const,
  });
  const info = (notAfter: string) => ({ notBefore: '2024-01-01T00:00:00Z', notAfter }) as unknown as CertInfo;
  const cases: Array<[string, string, number]> = [
    // 23:30 in Rome, the certificate ends 00:30 Rome two calendar days later: 2 days, though only 25 hours
    ['2026-12-01T22:30:00Z', '2026-12-02T23:30:00Z', 2],
    // same instant-of-day, 30 calendar days
    ['2026-11-06T10:00:00Z', '2026-12-06T10:00:00Z', 30],
    // an evening expiry seen in the morning: 29.5 × 24 h is still 30 calendar days (floor of hours would say 29)
    ['2026-11-06T08:00:00Z', '2026-12-06T20:00:00Z', 30],
    ['2026-11-06T20:00:00Z', '2026-12-06T08:00:00Z', 30],
    // across the October DST change (a 25-hour day)
    ['2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z', 2],
    // across the March DST change (a 23-hour day)
    ['2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z', 2],
    // last day
    ['2026-12-06T07:00:00Z', '2026-12-06T22:00:00Z', 0],
  ];
  it.each(cases)('now %s, expiry %s → %i days, everywhere', (now, notAfter, days) => {
    const at = new Date(now);
    expect(daysLeft(notAfter, at)).toBe(days);
    expect(evaluateRenewal(cert(notAfter), at).daysLeft).toBe(days);
    setLang('en');
    if (days > 0) expect(validityText(info(notAfter), at)).toContain(`expires in ${days} days`);
  });
  it('counts to a civil date as to that Rome day', () => {
    expect(daysLeft('2026-12-31', new Date('2026-12-30T23:30:00Z'))).toBe(0);
  });
});

describe('amounts, numbers and sizes', () => {
  it('euro amounts in Italian and English', () => {
    expect(formatAmount(122, 'it')).toBe('122,00 €');
    expect(formatAmount('122.00', 'it', 'EUR')).toBe('122,00 €');
    expect(formatAmount('1234567.8', 'it')).toBe('1.234.567,80 €');
    expect(formatAmount('50.5', 'en')).toBe('€50.50');
    expect(formatAmount('-3.10', 'it')).toBe('-3,10 €');
  });
  it('other currencies and odd values stay readable, never "NaN"', () => {
    expect(formatAmount('10', 'it', 'USD')).toBe('10,00 USD');
    expect(formatAmount('12,5', 'it', 'EUR')).toBe('12,5 EUR');
    expect(formatAmount('7', 'it', 'euro')).toBe('7 euro');
  });
  it('sizes with the decimal sign of the language', () => {
    expect(formatBytes(512, 'it')).toBe('512 B');
    expect(formatBytes(1536, 'it')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(2 * 1024 ** 3, 'en')).toBe('2 GB');
    expect(formatBytes(150 * 1024 ** 2, 'it')).toBe('150 MB');
  });
});
