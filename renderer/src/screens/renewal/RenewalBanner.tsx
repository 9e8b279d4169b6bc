/** "Il certificato di firma scade il …" with "Rinnova ora" and "Ricordamelo più tardi"; expired: what to do. */
import { useTranslation } from 'react-i18next';
import { api, call } from '../../bridge';
import { Icon } from '../../components/Icon';
import { formatDate } from '../../model/dates';
import { remindersActive, useReminders } from '../../state/reminders';
import { refreshReminders } from '../../state/session';
import { currentToken, useApp } from '../../state/store';
import { CaLinks } from '../certificates/CaLinks';
import { bannerSubject } from './renewalModel';

/** Whose device the banner is about: "CNS-ROSSI — ROSSI MARIO", or the holder of a card not inserted. */
function BannerDevice({ holder, tokenLabel }: { holder: string; tokenLabel: string | null }) {
  const { t } = useTranslation();
  return (
    <p className="banner-device">
      {tokenLabel ? (
        <>
          <strong>{tokenLabel}</strong>
          {holder && ` — ${holder}`}
        </>
      ) : (
        t('renewal.banner.notInserted', { name: holder || '—' })
      )}
    </p>
  );
}

/** The banner's two buttons: go to the renewal screen, or be reminded later. */
function BannerActions(p: { primary: boolean; label: string; onLater: () => void }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  return (
    <div className="row">
      <button type="button" className={p.primary ? 'btn primary' : 'btn'} onClick={() => navigate('renewal')}>
        {p.label}
      </button>
      <button type="button" className="btn" onClick={p.onLater}>
        {t('renewal.banner.later')}
      </button>
    </div>
  );
}

export function RenewalBanner() {
  const { t, i18n } = useTranslation();
  const token = useApp(currentToken);
  const dismissed = useApp((s) => s.bannerDismissed);
  const dismiss = useApp((s) => s.dismissBanner);
  const reminders = useReminders();
  const subject = bannerSubject(token, reminders.pending, dismissed);
  if (!subject || !remindersActive(reminders)) return null;
  const status = subject;
  const role = subject.role === 'authentication' ? 'authentication' : 'signature';
  const date = formatDate(status.expires, i18n.language);
  const later = () => {
    dismiss(subject.fingerprint);
    void call(() => api().snoozeReminder({ days: 7 })).then(() => refreshReminders(api()));
  };
  if (status.state === 'expired') {
    return (
      <div className="banner notice bad" role="alert">
        <Icon name="bad" />
        <div>
          <BannerDevice holder={subject.holder} tokenLabel={subject.tokenLabel} />
          <p>{t('renewal.banner.expired')}</p>
          <CaLinks renewal={status} only={['suspension', 'revocation']} />
          <BannerActions primary={false} label={t('renewal.banner.whatToDo')} onLater={later} />
        </div>
      </div>
    );
  }
  return (
    <div className="banner notice warn" role="status">
      <Icon name="warn" />
      <div>
        <BannerDevice holder={subject.holder} tokenLabel={subject.tokenLabel} />
        <p>
          {status.state === 'last-day'
            ? t(`renewal.banner.lastDay.${role}`)
            : t(`renewal.banner.renewable.${role}`, { date })}
        </p>
        <BannerActions
          primary
          label={status.state === 'last-day' ? t('renewal.banner.whatToDo') : t('renewal.banner.renewNow')}
          onLater={later}
        />
      </div>
    </div>
  );
}
