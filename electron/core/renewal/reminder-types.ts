/** The reminder scheduler's data: what it remembers of each certificate seen (nothing secret) and its settings. */
import type { CertRole } from '../x509/cert-info-types';
import type { CaId, RenewalUrls } from './ca-directory';
import type { CivilDate } from './rome-calendar';
import type { RenewalState } from './renewal-types';

/** Days before expiry at which a reminder fires, once each. */
export const REMINDER_THRESHOLDS: readonly number[] = [90, 60, 30, 7, 1];

export interface RememberedCertificate {
  fingerprintSha256: string;
  commonName?: string;
  fiscalCode?: string;
  role: CertRole;
  ca: CaId;
  notBefore: string; // ISO 8601
  notAfter: string; // ISO 8601
  /** serial number of the token it was seen on, when known */
  deviceSerial?: string;
  firstSeen: string; // ISO 8601
  lastSeen: string; // ISO 8601
  /** thresholds (days) already shown */
  fired: number[];
}

export interface ReminderSettings {
  enabled: boolean;
  /** no reminder before this Europe/Rome date */
  snoozedUntil?: CivilDate;
}

export interface ReminderData {
  version: 1;
  settings: ReminderSettings;
  certificates: RememberedCertificate[];
}

/** Where the scheduler keeps its data (a JSON file in the app; memory in tests). */
export interface ReminderStore {
  load(): Promise<ReminderData>;
  save(data: ReminderData): Promise<void>;
}

export interface Reminder {
  fingerprintSha256: string;
  commonName?: string;
  fiscalCode?: string;
  role: CertRole;
  /** the threshold this reminder is for (90, 60, 30, 7 or 1) */
  threshold: number;
  daysLeft: number;
  expires: CivilDate;
  state: RenewalState;
  ca: CaId;
  urls: RenewalUrls | null;
  alreadyRenewed: boolean;
  canRenewOnline: boolean;
  message: string;
}

export function emptyReminderData(): ReminderData {
  return { version: 1, settings: { enabled: true }, certificates: [] };
}
