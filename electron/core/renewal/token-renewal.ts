/**
 * Renewal for a token as the CLI and the shell read it: the device summary plus each certificate's status by
 * fingerprint. When a reminder store is given, what it remembers of this device (by token serial number) feeds
 * the "already renewed" evidence; the store is only read, and an unreadable store just gives no evidence.
 */
import type { CertInfo } from '../x509/cert-info-types';
import { deviceRenewal } from './device-renewal';
import { earliest } from './already-renewed';
import type { ReminderStore } from './reminder-types';
import type { CertRole } from '../x509/cert-info-types';
import type { DeviceHistory, DeviceRenewal, RenewalStatus } from './renewal-types';

export interface TokenLike {
  serialNumber?: string;
  certificates: Array<{ info: CertInfo }>;
  caCertificates?: Array<{ info: CertInfo }>;
}

export interface TokenRenewal {
  device: DeviceRenewal | null;
  /** status of the certificate with this SHA-256 fingerprint (null when not on the token) */
  forCertificate(fingerprintSha256: string): RenewalStatus | null;
}

/**
 * What a store remembers about the device with this serial number, per role (no store, unknown device →
 * nothing).
 */
export async function knownDeviceContext(
  store: ReminderStore | undefined,
  serial?: string,
): Promise<DeviceHistory> {
  if (!store || !serial) return {};
  try {
    const data = await store.load();
    const mine = data.certificates.filter((c) => c.deviceSerial === serial);
    const firstNotBeforeByRole: Partial<Record<CertRole, string>> = {};
    for (const role of new Set(mine.map((c) => c.role))) {
      const first = earliest(mine.filter((c) => c.role === role).map((c) => c.notBefore));
      if (first) firstNotBeforeByRole[role] = first;
    }
    return { firstNotBeforeByRole };
  } catch {
    return {};
  }
}

export async function tokenRenewal(
  token: TokenLike,
  options: { today?: Date; store?: ReminderStore } = {},
): Promise<TokenRenewal> {
  const infos = [...token.certificates, ...(token.caCertificates ?? [])].map((c) => c.info);
  const context = await knownDeviceContext(options.store, token.serialNumber);
  const result = deviceRenewal(infos, options.today ?? new Date(), context);
  const byFingerprint = new Map<string, RenewalStatus>();
  infos.forEach((info, i) => {
    const status = result.certificates[i];
    if (status) byFingerprint.set(info.fingerprintSha256, status);
  });
  return {
    device: result.device,
    forCertificate: (fp) => byFingerprint.get(fp.toLowerCase()) ?? null,
  };
}
