/** Dates and times as an Italian or English reader expects them (Europe/Rome, where the CNS lives). */
const ZONE = 'Europe/Rome';

function locale(lang: string): string {
  return lang.startsWith('en') ? 'en-GB' : 'it-IT';
}

export function formatDate(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale(lang), {
    timeZone: ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
}

export function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleTimeString(locale(lang), { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
}

/** Share of the validity period already elapsed, 0..1. */
export function elapsedShare(notBefore: string, notAfter: string, now: Date = new Date()): number {
  const from = Date.parse(notBefore);
  const to = Date.parse(notAfter);
  if (!(to > from)) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - from) / (to - from)));
}
