/** What the renewal rules say about a certificate or a whole device. Plain JSON (CLI --json, IPC). */
import type { CertRole } from '../x509/cert-info-types';
import type { CaId, RenewalUrls } from './ca-directory';
import type { CivilDate } from './rome-calendar';

/**
 * valid: more than 90 days left · renewable: inside the 90-day window, up to the day before expiry ·
 * last-day: today is the expiry day (renewal no longer possible) · expired: a new device is needed ·
 * not-yet-valid: notBefore is still ahead.
 */
export type RenewalState = 'valid' | 'renewable' | 'last-day' | 'expired' | 'not-yet-valid';

export interface RenewalStatus {
  state: RenewalState;
  /** civil days (Europe/Rome) from today to the expiry date; 0 on the expiry day, negative once past it */
  daysLeft: number;
  /** Europe/Rome dates, YYYY-MM-DD */
  validFrom: CivilDate;
  expires: CivilDate;
  /** first day online renewal is possible (expires − 90 days) */
  windowOpens: CivilDate;
  /** last day online renewal is possible (the day before expiry) */
  lastRenewalDay: CivilDate;
  ca: CaId;
  urls: RenewalUrls | null;
  /** true only on real evidence (see already-renewed.ts): then a second renewal is not possible */
  alreadyRenewed: boolean;
  /** renewable today, not already renewed */
  canRenewOnline: boolean;
  /** one plain sentence in the user's language */
  message: string;
}

export interface RenewalContext {
  /**
   * notBefore (ISO 8601) of the first certificate of the SAME ROLE this device ever held, when known: the other
   * role's dates are no evidence (a device's two certificates may start on different days).
   */
  deviceFirstNotBefore?: string;
}

/** What is known of a device's history: per role, the notBefore of the first certificate it held. */
export interface DeviceHistory {
  firstNotBeforeByRole?: Partial<Record<CertRole, string>>;
}

/** The minimum the rules need; CertInfo and the reminder store's records both provide it. */
export interface RenewalInput {
  notBefore: string;
  notAfter: string;
  ca: CaId;
}

export interface DeviceRenewal extends RenewalStatus {
  /** the certificate whose state drives the device summary */
  drivenBy: { fingerprintSha256: string; role: CertRole };
}

export interface DeviceRenewalResult {
  /** null when the device holds no end-entity certificate */
  device: DeviceRenewal | null;
  /** one status per input certificate, same order */
  certificates: RenewalStatus[];
}
