/** Reminders about certificates that are not on the card in use (another card, or none inserted). */
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/schemas/certificates';
import { formatDate } from '../../model/dates';
import { useEffect } from 'react';
import { api } from '../../bridge';
import { useReminders } from '../../state/reminders';
import { refreshReminders } from '../../state/session';

export function OtherCards({ token }: { token: TokenView | undefined }) {
  const { t, i18n } = useTranslation();
  const pending = useReminders((s) => s.pending);
  // the store learns about a device when its card is read: ask again when this list is shown
  useEffect(() => void refreshReminders(api()), []);
  const here = new Set(token?.certificates.map((c) => c.info.fingerprintSha256) ?? []);
  const others = pending.filter((r) => r.state !== 'valid' && !here.has(r.fingerprintSha256));
  if (others.length === 0) return null;
  return (
    <section className="card" aria-labelledby="wiz-other">
      <h2 id="wiz-other">{t('renewal.wizard.otherTitle')}</h2>
      <ul className="plain">
        {others.map((r) => (
          <li key={r.fingerprintSha256}>
            {t('renewal.wizard.other', {
              name: r.commonName ?? '—',
              role: t(`role.${r.role}`),
              date: formatDate(r.expires, i18n.language),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
