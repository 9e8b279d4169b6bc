import { beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../electron/core/i18n/translate';
import { MemoryReminderStore, ReminderScheduler } from '../../electron/core/renewal/reminder-scheduler';
import { makeCert } from './make-cert';

/** A fake clock that starts at noon Rome time, `n` days before 2026-12-31 */
function fakeClock(daysBefore: number) {
  let now = new Date(Date.UTC(2026, 11, 31, 11, 0, 0) - daysBefore * 86_400_000);
  return {
    clock: () => now,
    advanceDays(n: number) {
      now = new Date(now.getTime() + n * 86_400_000);
    },
    setHours(h: number) {
      now = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), h - 1));
    },
  };
}

const expiring = makeCert({ notBefore: '2024-01-01T10:00:00Z', notAfter: '2026-12-31T22:59:59Z' });

beforeEach(() => setLang('en'));

describe('reminder scheduler', () => {
  it('fires each threshold once, on the right day, and nothing once expired', async () => {
    const time = fakeClock(100);
    const s = new ReminderScheduler(new MemoryReminderStore(), time.clock);
    await s.remember([expiring]);
    const fired: Array<[number, number]> = [];
    for (let day = 0; day <= 110; day++) {
      for (const hour of [9, 21]) {
        time.setHours(hour);
        for (const r of await s.due()) fired.push([r.threshold, r.daysLeft]);
      }
      time.advanceDays(1);
    }
    expect(fired).toEqual([
      [90, 90],
      [60, 60],
      [30, 30],
      [7, 7],
      [1, 1],
    ]);
  });
  it('after days without running, shows only the threshold reached, then the next ones', async () => {
    const time = fakeClock(95);
    const s = new ReminderScheduler(new MemoryReminderStore(), time.clock);
    await s.remember([expiring]);
    expect(await s.due()).toEqual([]);
    time.advanceDays(70); // 25 days left
    const due = await s.due();
    expect(due.map((r) => [r.threshold, r.daysLeft])).toEqual([[30, 25]]);
    expect(due[0]).toMatchObject({
      state: 'renewable',
      canRenewOnline: true,
      ca: 'infocamere',
      expires: '2026-12-31',
    });
    expect(due[0]?.message).toMatch(/^Renewable online until 30\/12\/2026/);
    expect(await s.due()).toEqual([]);
    time.advanceDays(20); // 5 days left
    expect((await s.due()).map((r) => r.threshold)).toEqual([7]);
  });
  it('reminds on the last day when first seen then', async () => {
    const time = fakeClock(0);
    const s = new ReminderScheduler(new MemoryReminderStore(), time.clock);
    await s.remember([expiring]);
    expect((await s.due()).map((r) => [r.threshold, r.state])).toEqual([[1, 'last-day']]);
  });
  it('snoozes until a date, then shows the reminder reached', async () => {
    const time = fakeClock(31);
    const s = new ReminderScheduler(new MemoryReminderStore(), time.clock);
    await s.remember([expiring]);
    await s.snooze('2026-12-05'); // 26 days before expiry
    for (let i = 0; i < 4; i++) {
      time.advanceDays(1);
      expect(await s.due()).toEqual([]);
    }
    expect((await s.pending()).map((r) => r.threshold)).toEqual([30]);
    time.advanceDays(1); // 2026-12-05
    expect((await s.due()).map((r) => [r.threshold, r.daysLeft])).toEqual([[30, 26]]);
    await expect(s.snooze('2026-02-30')).rejects.toMatchObject({ code: 'BAD_DATE' });
  });
  it('can be turned off and on again', async () => {
    const time = fakeClock(60);
    const s = new ReminderScheduler(new MemoryReminderStore(), time.clock);
    await s.remember([expiring]);
    await s.setEnabled(false);
    expect(await s.due()).toEqual([]);
    expect(await s.settings()).toEqual({ enabled: false });
    await s.setEnabled(true);
    expect((await s.due()).map((r) => r.threshold)).toEqual([60]);
  });
  it('stops reminding once a newer certificate of the same device was seen', async () => {
    const time = fakeClock(20);
    const s = new ReminderScheduler(new MemoryReminderStore(), time.clock);
    await s.remember([expiring], { serialNumber: 'TOKEN-1' });
    const renewed = makeCert({ notBefore: '2026-12-10T10:00:00Z', notAfter: '2029-12-10T10:00:00Z' });
    await s.remember([renewed], { serialNumber: 'TOKEN-1' });
    expect(await s.due()).toEqual([]);
    // 3 years on, the renewed certificate of the same device can not be renewed again
    time.advanceDays(3 * 365 - 20 - 10);
    const due = await s.due();
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      fingerprintSha256: renewed.fingerprintSha256,
      alreadyRenewed: true,
      canRenewOnline: false,
    });
  });
  it('keeps reminding for two devices of the same person', async () => {
    const time = fakeClock(20);
    const s = new ReminderScheduler(new MemoryReminderStore(), time.clock);
    const other = makeCert({ notBefore: '2025-01-01T10:00:00Z', notAfter: '2027-01-05T10:00:00Z' });
    await s.remember([expiring], { serialNumber: 'TOKEN-1' });
    await s.remember([other], { serialNumber: 'TOKEN-2' });
    expect((await s.due()).map((r) => r.fingerprintSha256)).toEqual([
      expiring.fingerprintSha256,
      other.fingerprintSha256,
    ]);
  });
  it('skips CA certificates, refreshes known ones and forgets on request', async () => {
    const time = fakeClock(10);
    const s = new ReminderScheduler(new MemoryReminderStore(), time.clock);
    const ca = makeCert({ isCA: true, role: 'other', notAfter: '2026-12-20T00:00:00Z' });
    await s.remember([expiring, ca]);
    time.advanceDays(1);
    await s.remember([expiring]);
    const list = await s.remembered();
    expect(list).toHaveLength(1);
    expect(list[0]?.firstSeen).not.toBe(list[0]?.lastSeen);
    expect(await s.forget(expiring.fingerprintSha256.toUpperCase())).toBe(true);
    expect(await s.forget(expiring.fingerprintSha256)).toBe(false);
    expect(await s.remembered()).toEqual([]);
  });
});
