/**
 * Renewal summary for a whole device (token). CA certificates are ignored; per role (signature, authentication,
 * other) only the newest certificate counts (a token may still hold a replaced one); among those, the worst
 * state drives the summary, then the earliest expiry.
 */
import type { CertInfo } from '../x509/cert-info-types';
import { earliest } from './already-renewed';
import { renewalStatus } from './renewal-rules';
import type { DeviceHistory, DeviceRenewalResult, RenewalState, RenewalStatus } from './renewal-types';

const SEVERITY: Record<RenewalState, number> = {
  'not-yet-valid': 0,
  valid: 1,
  renewable: 2,
  'last-day': 3,
  expired: 4,
};

function newestPerRole(certs: CertInfo[]): CertInfo[] {
  const newest = new Map<string, CertInfo>();
  for (const c of certs) {
    const held = newest.get(c.role);
    if (!held || Date.parse(c.notAfter) > Date.parse(held.notAfter)) newest.set(c.role, c);
  }
  return [...newest.values()];
}

export function deviceRenewal(
  certs: CertInfo[],
  today: Date,
  history: DeviceHistory = {},
): DeviceRenewalResult {
  const endEntity = certs.filter((c) => !c.isCA);
  // evidence of a renewal comes from the same role only: an earlier certificate of that role on the token or
  // in the history (the authentication certificate's dates say nothing about the signature one)
  const firstOfRole = (c: CertInfo) =>
    earliest([
      history.firstNotBeforeByRole?.[c.role],
      ...endEntity.filter((o) => o.role === c.role).map((o) => o.notBefore),
    ]);
  const statuses = new Map<CertInfo, RenewalStatus>();
  const certificates = certs.map((c) => {
    const status = renewalStatus(c, today, c.isCA ? {} : { deviceFirstNotBefore: firstOfRole(c) });
    statuses.set(c, status);
    return status;
  });
  let driver: { cert: CertInfo; status: RenewalStatus } | undefined;
  for (const cert of newestPerRole(endEntity)) {
    const status = statuses.get(cert) as RenewalStatus;
    const worse =
      !driver ||
      SEVERITY[status.state] > SEVERITY[driver.status.state] ||
      (SEVERITY[status.state] === SEVERITY[driver.status.state] &&
        Date.parse(cert.notAfter) < Date.parse(driver.cert.notAfter));
    if (worse) driver = { cert, status };
  }
  const device = driver
    ? {
        ...driver.status,
        drivenBy: { fingerprintSha256: driver.cert.fingerprintSha256, role: driver.cert.role },
      }
    : null;
  return { device, certificates };
}
