import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { JsonFileReminderStore, defaultRemindersPath } from '../../electron/core/renewal/reminder-file-store';
import { ReminderScheduler } from '../../electron/core/renewal/reminder-scheduler';
import { makeCert } from './make-cert';

const cert = makeCert({ notBefore: '2024-01-01T10:00:00Z', notAfter: '2026-12-31T22:59:59Z' });
const clock = () => new Date('2026-11-15T10:00:00Z'); // 46 days left

describe('JSON file reminder store', () => {
  it('round-trips through a file: fired thresholds and settings survive a restart', async () => {
    const dir = mkdtempSync(join(inject('fixture').root, 'sigillo-rem-'));
    const path = join(dir, 'sub', 'reminders.json');
    const first = new ReminderScheduler(new JsonFileReminderStore(path), clock);
    expect(await first.due()).toEqual([]);
    await first.remember([cert], { serialNumber: '1234' });
    expect((await first.due()).map((r) => r.threshold)).toEqual([60]);
    await first.snooze('2026-11-20');

    const again = new ReminderScheduler(new JsonFileReminderStore(path), clock);
    expect(await again.due()).toEqual([]);
    expect(await again.settings()).toEqual({ enabled: true, snoozedUntil: '2026-11-20' });
    const [stored] = await again.remembered();
    expect(stored).toMatchObject({
      fingerprintSha256: cert.fingerprintSha256,
      fired: [90, 60],
      deviceSerial: '1234',
    });

    // only what we mean to keep, nothing secret; no temp files left; private file
    const json = JSON.parse(readFileSync(path, 'utf8')) as { certificates: Record<string, unknown>[] };
    expect(Object.keys(json.certificates[0] ?? {}).sort()).toEqual([
      'ca',
      'commonName',
      'deviceSerial',
      'fingerprintSha256',
      'fired',
      'firstSeen',
      'fiscalCode',
      'lastSeen',
      'notAfter',
      'notBefore',
      'role',
    ]);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['reminders.json']);
    expect(statSync(path).mode & 0o077).toBe(0);
  });
  it('reports a damaged file clearly and leaves it untouched', async () => {
    const dir = mkdtempSync(join(inject('fixture').root, 'sigillo-rem-'));
    for (const bad of [
      '{not json',
      '{"version":2}',
      JSON.stringify({ version: 1, settings: { enabled: 'yes' }, certificates: [] }),
    ]) {
      const path = join(dir, 'reminders.json');
      writeFileSync(path, bad);
      const s = new ReminderScheduler(new JsonFileReminderStore(path), clock);
      await expect(s.remember([cert])).rejects.toMatchObject({ code: 'REMINDERS_FILE_INVALID' });
      expect(readFileSync(path, 'utf8')).toBe(bad);
    }
  });
  it('refuses a huge file without reading it all', async () => {
    const dir = mkdtempSync(join(inject('fixture').root, 'sigillo-rem-'));
    const path = join(dir, 'reminders.json');
    writeFileSync(path, ' '.repeat(2 << 20));
    await expect(new JsonFileReminderStore(path).load()).rejects.toMatchObject({
      code: 'REMINDERS_FILE_INVALID',
    });
  });
  it('lives in SIGILLO_DATA_DIR when set', () => {
    expect(defaultRemindersPath({ SIGILLO_DATA_DIR: '/data/x' })).toBe('/data/x/reminders.json');
  });
});
