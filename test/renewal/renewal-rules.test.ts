import { beforeEach, describe, expect, it } from 'vitest';
import { renewalStatus } from '../../electron/core/renewal/renewal-rules';
import { setLang } from '../../electron/core/i18n/translate';
import { makeCert } from './make-cert';
import type { RenewalState } from '../../electron/core/renewal/renewal-types';
import type { CertInfo } from '../../electron/core/x509/cert-info-types';

/** notAfter 23:59:59 Rome time on 2026-12-31 (CET) */
const cert = makeCert({ notBefore: '2024-01-01T10:00:00Z', notAfter: '2026-12-31T22:59:59Z' });

/** noon in Rome, `n` days before 2026-12-31 */
function noonDaysBefore(n: number): Date {
  const d = new Date(Date.UTC(2026, 11, 31, 11, 0, 0));
  d.setUTCDate(d.getUTCDate() - n);
  return d;
}

/** `c` seen at the instant `at` is in `state` with `daysLeft` days left. */
function expectState(c: CertInfo, at: string, state: RenewalState, daysLeft: number): void {
  expect(renewalStatus(c, new Date(at))).toMatchObject({ state, daysLeft });
}

beforeEach(() => setLang('en'));

describe('renewal state machine around the boundaries', () => {
  it.each([
    [91, 'valid'],
    [90, 'renewable'],
    [89, 'renewable'],
    [1, 'renewable'],
    [0, 'last-day'],
    [-1, 'expired'],
  ] as const)('%i days left → %s', (n, state) => {
    const s = renewalStatus(cert, noonDaysBefore(n));
    expect(s.state).toBe(state);
    expect(s.daysLeft).toBe(n);
    expect(s.expires).toBe('2026-12-31');
    expect(s.canRenewOnline).toBe(state === 'renewable');
  });
  it('windowOpens is exactly 90 civil days before the expiry date, lastRenewalDay the day before', () => {
    const s = renewalStatus(cert, noonDaysBefore(200));
    expect(s.windowOpens).toBe('2026-10-02');
    expect(s.lastRenewalDay).toBe('2026-12-30');
    expect(renewalStatus(cert, new Date('2026-10-01T21:59:59Z')).state).toBe('valid'); // 23:59:59 CEST Oct 1
    expect(renewalStatus(cert, new Date('2026-10-01T22:00:00Z')).state).toBe('renewable'); // 00:00 CEST Oct 2
  });
  it('is expired on the expiry day once the notAfter instant has passed', () => {
    const c = makeCert({ notAfter: '2026-12-31T10:00:00Z' });
    const s = renewalStatus(c, new Date('2026-12-31T12:00:00Z'));
    expect(s.state).toBe('expired');
    expect(s.daysLeft).toBe(0);
  });
  it('uses the Rome date late in the evening, not the UTC date', () => {
    const c = makeCert({ notAfter: '2026-06-11T21:59:59Z' }); // 23:59:59 CEST June 11
    // 00:30 on June 11 in Rome, still June 10 in UTC
    expectState(c, '2026-06-10T22:30:00Z', 'last-day', 0);
    // 23:30 on June 10 in Rome
    expectState(c, '2026-06-10T21:30:00Z', 'renewable', 1);
    // a notAfter late in the UTC evening falls on the next Rome day
    expect(
      renewalStatus(makeCert({ notAfter: '2026-06-10T23:30:00Z' }), new Date('2026-06-01')).expires,
    ).toBe('2026-06-11');
  });
  it('handles an expiry on Feb 29 of a leap year', () => {
    const c = makeCert({ notBefore: '2025-03-01T00:00:00Z', notAfter: '2028-02-29T22:59:59Z' });
    expect(renewalStatus(c, new Date('2028-01-01T12:00:00Z')).windowOpens).toBe('2027-12-01');
    expectState(c, '2027-11-30T12:00:00Z', 'valid', 91);
    expectState(c, '2027-12-01T12:00:00Z', 'renewable', 90);
    expectState(c, '2028-02-28T12:00:00Z', 'renewable', 1);
    expectState(c, '2028-02-29T12:00:00Z', 'last-day', 0);
    expectState(c, '2028-03-01T12:00:00Z', 'expired', -1);
  });
  it('counts right in the DST week at the end of March', () => {
    // expires on Sunday 2027-03-28, the day clocks go forward
    const c = makeCert({ notAfter: '2027-03-28T21:59:59Z' }); // 23:59:59 CEST
    expectState(c, '2027-03-27T23:30:00Z', 'last-day', 0);
    expectState(c, '2027-03-27T22:30:00Z', 'renewable', 1);
    expect(renewalStatus(c, new Date('2027-03-20T23:30:00Z')).daysLeft).toBe(7);
    // the window opening on the DST day itself (2026-06-27 − 90 = 2026-03-29)
    const june = makeCert({ notAfter: '2026-06-27T21:59:59Z' });
    expectState(june, '2026-03-28T22:59:00Z', 'valid', 91);
    expectState(june, '2026-03-28T23:00:00Z', 'renewable', 90);
  });
  it('counts right in the DST week at the end of October', () => {
    // expires Monday 2026-10-26; on Sunday 25th (clocks back) 22:30Z is 23:30 CET, still the 25th
    const c = makeCert({ notAfter: '2026-10-26T22:59:59Z' });
    expectState(c, '2026-10-25T22:30:00Z', 'renewable', 1);
    expectState(c, '2026-10-25T23:00:00Z', 'last-day', 0);
    expect(renewalStatus(c, new Date('2026-10-19T10:00:00Z')).daysLeft).toBe(7);
  });
  it('is not-yet-valid before notBefore', () => {
    const c = makeCert({ notBefore: '2030-01-01T00:00:00Z', notAfter: '2033-01-01T00:00:00Z' });
    const s = renewalStatus(c, new Date('2029-12-31T12:00:00Z'));
    expect(s.state).toBe('not-yet-valid');
    expect(s.validFrom).toBe('2030-01-01');
    expect(s.message).toContain('Not yet valid');
  });
});

describe('already renewed', () => {
  const renewed = makeCert({ notBefore: '2023-11-01T09:00:00Z', notAfter: '2026-12-31T22:59:59Z' });
  it('is reported only when the device first certificate is known and ~3 years older', () => {
    const inWindow = noonDaysBefore(30);
    expect(renewalStatus(renewed, inWindow).alreadyRenewed).toBe(false);
    const s = renewalStatus(renewed, inWindow, { deviceFirstNotBefore: '2020-12-10T09:00:00Z' });
    expect(s.alreadyRenewed).toBe(true);
    expect(s.state).toBe('renewable');
    expect(s.canRenewOnline).toBe(false);
    expect(s.message).toContain('a second renewal is not possible');
    expect(s.message).not.toContain('Renewal site');
    // one year apart is no evidence
    const close = renewalStatus(renewed, inWindow, { deviceFirstNotBefore: '2022-11-01T09:00:00Z' });
    expect(close.alreadyRenewed).toBe(false);
    expect(close.canRenewOnline).toBe(true);
  });
  it('warns already while still valid', () => {
    const s = renewalStatus(renewed, noonDaysBefore(200), { deviceFirstNotBefore: '2020-12-10T09:00:00Z' });
    expect(s.state).toBe('valid');
    expect(s.message).toContain('a second renewal is not possible');
  });
});

describe('messages', () => {
  it('speaks Italian with Italian dates', () => {
    setLang('it');
    expect(renewalStatus(cert, noonDaysBefore(30)).message).toBe(
      'Rinnovabile online fino al 30/12/2026 (scade il 31/12/2026, ancora 30 giorni).' +
        ' Sito per il rinnovo: https://id.infocamere.it/infocamere/firma_digitale/rinnovo',
    );
    expect(renewalStatus(cert, noonDaysBefore(-3)).message).toMatch(
      /^Scaduto il 31\/12\/2026: serve un nuovo dispositivo/,
    );
    expect(renewalStatus(cert, noonDaysBefore(0)).message).toMatch(
      /^Scade oggi \(31\/12\/2026\): il rinnovo non è più possibile/,
    );
    expect(renewalStatus(cert, noonDaysBefore(120)).message).toContain(
      'Il rinnovo online sarà possibile dal 02/10/2026',
    );
  });
  it('speaks English', () => {
    setLang('en');
    expect(renewalStatus(cert, noonDaysBefore(-3)).message).toMatch(
      /^Expired on 31\/12\/2026: a new device is needed/,
    );
    expect(renewalStatus(cert, noonDaysBefore(2)).message).toMatch(/^Renewable online until 30\/12\/2026/);
  });
});
