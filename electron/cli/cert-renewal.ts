/**
 * Renewal status in `sigillo cert` (issue 9): `renewal` on each certificate and the `device` summary in --json,
 * one human line in text mode. The reminder store (SIGILLO_DATA_DIR or the user data folder) is only read, for
 * the "already renewed" evidence; it is never written here.
 */
import { t } from '../core/i18n/translate';
import { defaultRemindersPath, JsonFileReminderStore } from '../core/renewal/reminder-file-store';
import { tokenRenewal, type TokenLike, type TokenRenewal } from '../core/renewal/token-renewal';

export function readTokenRenewal(
  token: TokenLike,
  env: NodeJS.ProcessEnv,
  today = new Date(),
): Promise<TokenRenewal> {
  return tokenRenewal(token, { today, store: new JsonFileReminderStore(defaultRemindersPath(env)) });
}

/** Adds `renewal` to each certificate (matched by fingerprint) and `device` to the report. */
export function addRenewalJson(
  report: {
    certificates: Array<{ fingerprintSha256: string; [extra: string]: unknown }>;
    [extra: string]: unknown;
  },
  renewal: TokenRenewal,
): void {
  for (const c of report.certificates) c.renewal = renewal.forCertificate(c.fingerprintSha256);
  report.device = renewal.device;
}

/** "Rinnovo: Rinnovabile online fino al …" — null when the token holds no end-entity certificate. */
export function renewalLine(renewal: TokenRenewal): string | null {
  if (!renewal.device) return null;
  return `${t({ it: 'Rinnovo', en: 'Renewal' })}: ${renewal.device.message}`;
}
