/** Dates in the window come from the one formatter (shared/format): Europe/Rome, 24/12/2026 22:10. */
export { formatDate, formatDateTime, formatTime } from '../../../shared/format/dates';

/** Share of the validity period already elapsed, 0..1. */
export function elapsedShare(notBefore: string, notAfter: string, now: Date = new Date()): number {
  const from = Date.parse(notBefore);
  const to = Date.parse(notAfter);
  if (!(to > from)) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - from) / (to - from)));
}
