import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReminderScheduler, MemoryReminderStore } from '../../electron/core/renewal/reminder-scheduler';
import { renewalStatus } from '../../electron/core/renewal/renewal-rules';
import { romeDate } from '../../electron/core/renewal/rome-calendar';
import { makeCert } from './make-cert';

const DAY = 86_400_000;
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }).map((n) => new Date(n));

/** Rome date by another route: the Swedish locale writes dates as YYYY-MM-DD */
const otherRomeDate = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

describe('renewal properties', () => {
  it('the Rome date matches the one the locale formatter gives', () => {
    fc.assert(fc.property(instant, (d) => romeDate(d) === otherRomeDate(d)));
  });
  it('state and daysLeft agree for any expiry and any day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -400, max: 400 }), (now, offsetDays) => {
        const notAfter = new Date(now.getTime() + offsetDays * DAY + 3_600_000);
        const s = renewalStatus(
          makeCert({ notBefore: '2019-01-01T00:00:00Z', notAfter: notAfter.toISOString() }),
          now,
        );
        const expected = Math.round(
          (Date.parse(`${otherRomeDate(notAfter)}T00:00:00Z`) -
            Date.parse(`${otherRomeDate(now)}T00:00:00Z`)) /
            DAY,
        );
        expect(s.daysLeft).toBe(expected);
        if (s.daysLeft > 90) expect(s.state).toBe('valid');
        else if (s.daysLeft >= 1) expect(s.state).toBe('renewable');
        else if (s.daysLeft === 0) expect(s.state).toBe(now < notAfter ? 'last-day' : 'expired');
        else expect(s.state).toBe('expired');
        expect(s.canRenewOnline).toBe(s.state === 'renewable');
      }),
    );
  });
  it('reminders: each threshold at most once, in decreasing order, never above its threshold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 40 * DAY }), { maxLength: 25 }), async (gaps) => {
        let now = Date.UTC(2026, 8, 1, 9);
        const s = new ReminderScheduler(new MemoryReminderStore(), () => new Date(now));
        await s.remember([makeCert({ notBefore: '2024-01-01T00:00:00Z', notAfter: '2026-12-31T22:59:59Z' })]);
        const fired: number[] = [];
        for (const gap of gaps) {
          now += gap;
          for (const r of await s.due()) {
            expect(r.daysLeft).toBeLessThanOrEqual(r.threshold);
            expect(r.daysLeft).toBeGreaterThanOrEqual(0);
            fired.push(r.threshold);
          }
        }
        expect(new Set(fired).size).toBe(fired.length);
        expect([...fired].sort((a, b) => b - a)).toEqual(fired);
      }),
      { numRuns: 60 },
    );
  });
});
