/**
 * Which certificate the renewal banner speaks about. With a device selected: only that device's certificates
 * (others are listed on the Certificates screen), never a banner about a card that is not selected. With no
 * device at all: the most urgent remembered certificate, named by its holder.
 */
import type { RenewalState, TokenView } from '../../../../shared/schemas/certificates';
import type { Reminder } from '../../../../shared/schemas/renewal';
import { holderName, mainCertificate } from '../../model/token';

export interface BannerSubject {
  fingerprint: string;
  role: string;
  state: RenewalState;
  daysLeft: number;
  expires: string;
  urls: { renewal: string; suspension: string; revocation: string } | null;
  /** whose device: the holder, and the token label when the device is the selected one */
  holder: string;
  tokenLabel: string | null;
}

const URGENT = new Set<RenewalState>(['renewable', 'last-day', 'expired']);

export function bannerSubject(
  token: TokenView | undefined,
  reminders: readonly Reminder[],
  dismissed: readonly string[],
): BannerSubject | null {
  const candidates: BannerSubject[] = [];
  const holder = token ? holderName(mainCertificate(token)) : '';
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
        holder,
        tokenLabel: token?.label ?? null,
      });
    }
  }
  for (const r of token ? [] : reminders) {
    if (URGENT.has(r.state)) {
      candidates.push({
        fingerprint: r.fingerprintSha256,
        role: r.role,
        state: r.state,
        daysLeft: r.daysLeft,
        expires: r.expires,
        urls: r.urls,
        holder: r.commonName ?? '',
        tokenLabel: null,
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
