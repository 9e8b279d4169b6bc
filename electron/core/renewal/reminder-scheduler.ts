/**
 * The expiry reminder scheduler: remembers every certificate seen (so it reminds with the card out), says which
 * reminders are due, fires each threshold once, snoozes, turns off. Time comes from an injected clock.
 */
import { failure } from '../errors';
import type { CertInfo } from '../x509/cert-info-types';
import { detectCa } from './ca-directory';
import { dueReminders, markShown, pendingReminders } from './reminder-rules';
import {
  emptyReminderData,
  type RememberedCertificate,
  type Reminder,
  type ReminderData,
  type ReminderSettings,
  type ReminderStore,
} from './reminder-types';
import { isCivilDate, type CivilDate } from './rome-calendar';

export type Clock = () => Date;

export class ReminderScheduler {
  constructor(
    private readonly store: ReminderStore,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /** Remembers (or refreshes) the end-entity certificates of a device; CA certificates are skipped. */
  async remember(certs: CertInfo[], device: { serialNumber?: string } = {}): Promise<void> {
    const data = await this.store.load();
    const now = this.clock().toISOString();
    const list = [...data.certificates];
    for (const cert of certs) {
      if (cert.isCA) continue;
      const i = list.findIndex((c) => c.fingerprintSha256 === cert.fingerprintSha256);
      const held = i >= 0 ? list[i] : undefined;
      const record: RememberedCertificate = {
        fingerprintSha256: cert.fingerprintSha256,
        commonName: cert.subject.commonName,
        fiscalCode: cert.subject.fiscalCode,
        role: cert.role,
        ca: detectCa(cert.issuer),
        notBefore: cert.notBefore,
        notAfter: cert.notAfter,
        deviceSerial: device.serialNumber || held?.deviceSerial,
        firstSeen: held?.firstSeen ?? now,
        lastSeen: now,
        fired: held?.fired ?? [],
      };
      if (held) list[i] = record;
      else list.push(record);
    }
    await this.store.save({ ...data, certificates: list });
  }

  /** The reminders to show now; they are recorded as shown, so each threshold fires once. */
  async due(now: Date = this.clock()): Promise<Reminder[]> {
    const data = await this.store.load();
    const due = dueReminders(data, now);
    if (due.length) await this.store.save(markShown(data, due));
    return due;
  }

  /** What would be due now, without recording anything and ignoring snooze/off (for listings). */
  async pending(now: Date = this.clock()): Promise<Reminder[]> {
    return pendingReminders(await this.store.load(), now);
  }

  async settings(): Promise<ReminderSettings> {
    return (await this.store.load()).settings;
  }

  async remembered(): Promise<RememberedCertificate[]> {
    return (await this.store.load()).certificates;
  }

  /** No reminder before `until` (a Europe/Rome date, YYYY-MM-DD); undefined ends the snooze. */
  async snooze(until: CivilDate | undefined): Promise<void> {
    if (until !== undefined && !isCivilDate(until)) {
      throw failure('BAD_DATE', { d: until });
    }
    await this.update((s) => ({ ...s, snoozedUntil: until }));
  }

  async setEnabled(enabled: boolean): Promise<void> {
    await this.update((s) => ({ ...s, enabled }));
  }

  /** Forgets a certificate; returns false when it was not remembered. */
  async forget(fingerprintSha256: string): Promise<boolean> {
    const data = await this.store.load();
    const fp = fingerprintSha256.toLowerCase().replace(/[^0-9a-f]/g, '');
    const certificates = data.certificates.filter((c) => c.fingerprintSha256 !== fp);
    if (certificates.length === data.certificates.length) return false;
    await this.store.save({ ...data, certificates });
    return true;
  }

  private async update(change: (s: ReminderSettings) => ReminderSettings): Promise<void> {
    const data = await this.store.load();
    const settings = change(data.settings);
    if (settings.snoozedUntil === undefined) delete settings.snoozedUntil;
    await this.store.save({ ...data, settings });
  }
}

/** A store in memory (tests, or when no data folder can be used). */
export class MemoryReminderStore implements ReminderStore {
  private json: string;
  constructor(initial?: ReminderData) {
    this.json = JSON.stringify(initial ?? emptyReminderData());
  }
  async load(): Promise<ReminderData> {
    return JSON.parse(this.json) as ReminderData;
  }
  async save(data: ReminderData): Promise<void> {
    this.json = JSON.stringify(data);
  }
}
