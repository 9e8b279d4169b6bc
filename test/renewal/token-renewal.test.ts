import { beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../electron/core/i18n/translate';
import { MemoryReminderStore, ReminderScheduler } from '../../electron/core/renewal/reminder-scheduler';
import type { ReminderData, ReminderStore } from '../../electron/core/renewal/reminder-types';
import { tokenRenewal } from '../../electron/core/renewal/token-renewal';
import { makeCert, roleCert } from './make-cert';

const today = new Date('2026-06-01T10:00:00Z');
const sig = roleCert('signature', '2023-12-01T00:00:00Z', '2026-07-01T21:59:59Z');
const auth = roleCert('authentication', '2023-12-01T00:00:00Z', '2026-12-01T21:59:59Z');
const ca = makeCert({ role: 'other', isCA: true, notAfter: '2030-01-01T00:00:00Z' });
const token = {
  serialNumber: 'SN-1',
  certificates: [{ info: sig }, { info: auth }],
  caCertificates: [{ info: ca }],
};

beforeEach(() => setLang('en'));

describe('token renewal', () => {
  it('gives the device summary and each certificate by fingerprint', async () => {
    const r = await tokenRenewal(token, { today });
    expect(r.device).toMatchObject({ state: 'renewable', daysLeft: 30, alreadyRenewed: false });
    expect(r.forCertificate(auth.fingerprintSha256.toUpperCase())?.state).toBe('valid');
    expect(r.forCertificate(ca.fingerprintSha256)?.state).toBe('valid');
    expect(r.forCertificate('00')).toBeNull();
  });
  it('uses what the store remembers of the same device as evidence of a renewal', async () => {
    const store = new MemoryReminderStore();
    const first = roleCert('signature', '2020-12-20T00:00:00Z', '2023-12-20T00:00:00Z');
    await new ReminderScheduler(store, () => new Date('2021-01-01')).remember([first], {
      serialNumber: 'SN-1',
    });
    const r = await tokenRenewal(token, { today, store });
    expect(r.device).toMatchObject({ state: 'renewable', alreadyRenewed: true, canRenewOnline: false });
    // another device's history is no evidence
    const other = await tokenRenewal({ ...token, serialNumber: 'SN-2' }, { today, store });
    expect(other.device?.alreadyRenewed).toBe(false);
  });
  it('the store memory of the other role on the same device is no evidence', async () => {
    const store = new MemoryReminderStore();
    const oldAuth = roleCert('authentication', '2020-12-20T00:00:00Z', '2023-12-20T00:00:00Z');
    await new ReminderScheduler(store, () => new Date('2021-01-01')).remember([oldAuth], {
      serialNumber: 'SN-1',
    });
    const r = await tokenRenewal(token, { today, store });
    expect(r.device).toMatchObject({ state: 'renewable', alreadyRenewed: false, canRenewOnline: true });
  });
  it('an unreadable store gives no evidence and no error', async () => {
    const broken: ReminderStore = {
      load: () => Promise.reject(new Error('disk on fire')),
      save: (_d: ReminderData) => Promise.resolve(),
    };
    expect((await tokenRenewal(token, { today, store: broken })).device?.state).toBe('renewable');
  });
});
