/**
 * The "already renewed" heuristic. A CNS certificate is valid 3 years and can be renewed once, in the 90 days
 * before it expires; the renewed certificate starts on the renewal day, so about 2 years 9 months to 3 years after
 * the device's first certificate. We say "already renewed" ONLY when the first certificate of the same device is
 * known (another certificate still on the token, or one the reminder store saw on the same device) and this
 * certificate starts at least RENEWED_AFTER_DAYS after it. Nothing else (CA dates, validity length) is evidence.
 */
const DAY_MS = 86_400_000;

/** 3 × 365 days − 90 (window) − 30 (slack for issuance delays) */
export const RENEWED_AFTER_DAYS = 3 * 365 - 90 - 30;

export function looksAlreadyRenewed(notBefore: string, deviceFirstNotBefore: string | undefined): boolean {
  if (!deviceFirstNotBefore) return false;
  const start = Date.parse(notBefore);
  const first = Date.parse(deviceFirstNotBefore);
  if (Number.isNaN(start) || Number.isNaN(first)) return false;
  return start - first >= RENEWED_AFTER_DAYS * DAY_MS;
}

/** The earliest of some ISO instants (ignores unparsable ones); undefined when none. */
export function earliest(instants: Array<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const s of instants) {
    if (s === undefined || Number.isNaN(Date.parse(s))) continue;
    if (best === undefined || Date.parse(s) < Date.parse(best)) best = s;
  }
  return best;
}
