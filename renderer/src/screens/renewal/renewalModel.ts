/** Which certificate the renewal banner speaks about: the most urgent of the card's and the remembered ones. */
import type { RenewalState, TokenView } from '../../../../shared/schemas/certificates';
import type { Reminder } from '../../../../shared/schemas/renewal';

export interface BannerSubject {
  fingerprint: string;
  role: string;
  state: RenewalState;
  daysLeft: number;
  expires: string;
  urls: { renewal: string; suspension: string; revocation: string } | null;
}

const URGENT = new Set<RenewalState>(['renewable', 'last-day', 'expired']);

export function bannerSubject(
  token: TokenView | undefined,
  reminders: readonly Reminder[],
  dismissed: readonly string[],
): BannerSubject | null {
  const candidates: BannerSubject[] = [];
  for (const c of token?.certificates ?? []) {
    const r = c.renewal;
    if (r && URGENT.has(r.state)) {
      candidates.push({
        fingerprint: c.info.fingerprintSha256,
        role: c.role,
        state: r.state,
        daysLeft: r.daysLeft,
        expires: r.expires,
        urls: r.urls,
      });
    }
  }
  for (const r of reminders) {
    if (URGENT.has(r.state) && !candidates.some((c) => c.fingerprint === r.fingerprintSha256)) {
      candidates.push({
        fingerprint: r.fingerprintSha256,
        role: r.role,
        state: r.state,
        daysLeft: r.daysLeft,
        expires: r.expires,
        urls: r.urls,
      });
    }
  }
  const open = candidates.filter((c) => !dismissed.includes(c.fingerprint));
  // the signature certificate first, then the one expiring first
  open.sort(
    (a, b) => Number(b.role === 'signature') - Number(a.role === 'signature') || a.daysLeft - b.daysLeft,
  );
  return open[0] ?? null;
}
