/** Timestamp service (TSA): on/off, URL, user name; the password is write-only (kept in the OS keychain). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../../shared/schemas/settings';

export function TimestampSettings({
  settings,
  save,
}: {
  settings: Settings;
  save(patch: SettingsPatch): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const ts = settings.timestamp;
  const [url, setUrl] = useState(ts.url ?? '');
  const [user, setUser] = useState(ts.username ?? '');
  const [password, setPassword] = useState('');
  const [saved, setSaved] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // the same rule as the settings schema (HttpsUrlSchema), said in the user's words before anything is saved
    const bad = url.trim() !== '' && !/^https?:\/\/[^\s]+$/.test(url.trim());
    setInvalid(bad);
    if (bad) return;
    const patch: SettingsPatch = { timestamp: { url: url.trim() || null, username: user.trim() || null } };
    if (password && patch.timestamp) patch.timestamp.password = password;
    setPassword('');
    setSaved(await save(patch));
  };
  return (
    <form className="card" aria-labelledby="set-tsa" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="set-tsa">{t('settings.tsa')}</h2>
      <label className="choice">
        <input
          type="checkbox"
          checked={ts.enabled}
          onChange={(e) => void save({ timestamp: { enabled: e.target.checked } })}
        />
        <span>{t('settings.tsaEnabled')}</span>
      </label>
      <label className="field">
        <span className="label">{t('settings.tsaUrl')}</span>
        <input
          type="url"
          value={url}
          placeholder="https://"
          aria-invalid={invalid}
          onChange={(e) => setUrl(e.target.value)}
        />
        {invalid && (
          <span className="hint" role="alert">
            {t('tsaCheck.invalid')}
          </span>
        )}
      </label>
      <label className="field">
        <span className="label">{t('settings.tsaUser')}</span>
        <input type="text" autoComplete="off" value={user} onChange={(e) => setUser(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">{t('settings.tsaPassword')}</span>
        <input
          type="password"
          autoComplete="off"
          value={password}
          placeholder={ts.hasPassword ? '••••••••' : ''}
          onChange={(e) => setPassword(e.target.value)}
        />
        <span className="hint">
          {ts.hasPassword ? t('settings.tsaPasswordStored') : t('settings.tsaPasswordHint')}
        </span>
      </label>
      <div className="row">
        <button type="submit" className="btn primary">
          {t('common.save')}
        </button>
        {ts.hasPassword && (
          <button type="button" className="btn" onClick={() => void save({ timestamp: { password: null } })}>
            {t('settings.tsaPasswordForget')}
          </button>
        )}
        {saved && <span role="status">{t('common.saved')}</span>}
      </div>
    </form>
  );
}
