/**
 * The EU trusted lists (LOTL and member-state lists: the qualified CAs Sigillo trusts): when they were last
 * updated, how many lists and services are loaded, which lists failed, and "Aggiorna" with progress. The app
 * also refreshes them by itself when they are older than 7 days.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { formatDate, formatTime } from '../../model/dates';
import { updateTrust, useTrust } from '../../state/trust';

export function TrustListsSettings() {
  const { t, i18n } = useTranslation();
  const { state, updating, progress, error } = useTrust();
  const lang = i18n.language;
  return (
    <section className="card" aria-labelledby="set-tsl">
      <h2 id="set-tsl">{t('trustLists.title')}</h2>
      <p className="hint muted">{t('trustLists.hint')}</p>
      <p role="status">
        {state?.lastUpdate
          ? t('trustLists.updated', {
              date: formatDate(state.lastUpdate, lang),
              time: formatTime(state.lastUpdate, lang),
              lists: state.lists,
              services: state.services,
            })
          : t('trustLists.never')}
      </p>
      {state && state.failures.length > 0 && (
        <div className="notice warn">
          <div>
            <strong>{t('trustLists.failures', { count: state.failures.length })}</strong>
            <ul>
              {state.failures.map((f) => (
                <li key={f.territory}>
                  {f.territory}: {f.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {error && (
        <div className="notice bad" role="alert">
          {t('trustLists.error', { message: error.message })}
        </div>
      )}
      <div className="row">
        <button type="button" className="btn" disabled={updating} onClick={() => void updateTrust(api())}>
          {updating ? t('trustLists.updating') : t('trustLists.update')}
        </button>
        {updating && (
          <progress
            className="progress trust-progress"
            aria-label={t('trustLists.progress')}
            max={progress?.total ?? 1}
            value={progress?.done ?? undefined}
          />
        )}
        {updating && progress && (
          <span className="muted">
            {t('trustLists.progressText', { done: progress.done, total: progress.total })}
          </span>
        )}
      </div>
    </section>
  );
}
