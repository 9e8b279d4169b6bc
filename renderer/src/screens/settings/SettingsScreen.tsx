/** Settings: language, theme, signing defaults, output folder, timestamp service, card module, reminders. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../../shared/schemas/settings';
import { api, call } from '../../bridge';
import { applySettings, refreshReminders, refreshTokens } from '../../state/session';
import { useApp } from '../../state/store';
import { useReminders } from '../../state/reminders';
import { TimestampSettings } from './TimestampSettings';
import { TrustSettings } from './TrustSettings';
import { TrustListsSettings } from './TrustListsSettings';
import { useFilePicker } from '../../components/useFilePicker';

export function useSaveSettings() {
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: SettingsPatch): Promise<boolean> => {
    const res = await call(() => api().setSettings(patch));
    if (!res.ok) {
      setError(res.error.message);
      return false;
    }
    setError(null);
    await applySettings(res.value);
    if (patch.language) {
      // sentences computed by the core (renewal, errors) come in the new language on the next read
      await Promise.all([refreshTokens(api()), refreshReminders(api())]);
    }
    return true;
  };
  return { save, error };
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.settings);
  const { save, error } = useSaveSettings();
  const reminders = useReminders();
  const setReminders = async (enabled: boolean) => {
    const res = await call(() => api().setReminders({ enabled }));
    if (res.ok) reminders.setEnabled(enabled);
  };
  const pickModule = useFilePicker((paths) => {
    const path = paths[0];
    if (path)
      void save({ pkcs11Module: path }).then(async (ok) => {
        if (ok) await refreshTokens(api(), true);
      });
  });
  if (!settings) {
    return (
      <>
        <h1>{t('settings.title')}</h1>
        <section className="card empty">
          <strong>{t('settings.loading')}</strong>
        </section>
      </>
    );
  }
  const chooseOutput = async () => {
    const res = await call(() => api().chooseFolder({ title: t('sign.outputChoose') }));
    if (res.ok && res.value.path) await save({ outputDir: res.value.path });
  };
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p className="lead">{t('settings.lead')}</p>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <div className="cols-2 settings-grid">
        <section className="card" aria-labelledby="set-look">
          <h2 id="set-look">{t('settings.look')}</h2>
          <label className="field">
            <span className="label">{t('settings.language')}</span>
            <select
              value={settings.language}
              onChange={(e) => void save({ language: e.target.value as 'auto' | 'it' | 'en' })}
            >
              <option value="auto">{t('settings.languageAuto')}</option>
              <option value="it">Italiano</option>
              <option value="en">English</option>
            </select>
          </label>
          <label className="field">
            <span className="label">{t('settings.theme')}</span>
            <select
              value={settings.theme}
              onChange={(e) => void save({ theme: e.target.value as 'system' | 'light' | 'dark' })}
            >
              <option value="system">{t('settings.themeSystem')}</option>
              <option value="light">{t('settings.themeLight')}</option>
              <option value="dark">{t('settings.themeDark')}</option>
            </select>
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={reminders.enabled}
              onChange={(e) => void setReminders(e.target.checked)}
            />
            <span>{t('settings.reminders')}</span>
          </label>
          <p className="hint muted">{t('settings.remindersHint')}</p>
        </section>
        <section className="card" aria-labelledby="set-sign">
          <h2 id="set-sign">{t('settings.signing')}</h2>
          <label className="field">
            <span className="label">{t('settings.defaultFormat')}</span>
            <select
              value={settings.defaultFormat}
              onChange={(e) => void save({ defaultFormat: e.target.value as 'auto' | 'cades' | 'pades' })}
            >
              <option value="auto">{t('format.auto')}</option>
              <option value="cades">{t('format.cades')}</option>
              <option value="pades">{t('format.pades')}</option>
            </select>
          </label>
          <label className="field">
            <span className="label">{t('settings.digest')}</span>
            <select
              value={settings.digest}
              onChange={(e) => void save({ digest: e.target.value as 'sha256' | 'sha384' | 'sha512' })}
            >
              <option value="sha256">SHA-256</option>
              <option value="sha384">SHA-384</option>
              <option value="sha512">SHA-512</option>
            </select>
          </label>
          <div className="field">
            <span className="label">{t('settings.outputNaming')}</span>
            <span className={settings.outputDir ? 'mono' : undefined}>
              {settings.outputDir ?? t('sign.outputBeside')}
            </span>
            <span className="hint">{t('settings.outputNamingHint')}</span>
            <div className="row">
              <button type="button" className="btn" onClick={() => void chooseOutput()}>
                {t('sign.outputChoose')}
              </button>
              {settings.outputDir && (
                <button type="button" className="btn" onClick={() => void save({ outputDir: null })}>
                  {t('sign.outputReset')}
                </button>
              )}
            </div>
          </div>
          <label className="choice">
            <input
              type="checkbox"
              checked={settings.nestSignatures}
              onChange={(e) => void save({ nestSignatures: e.target.checked })}
            />
            <span>{t('settings.nest')}</span>
          </label>
        </section>
        <TimestampSettings settings={settings} save={save} />
        <section className="card" aria-labelledby="set-module">
          <h2 id="set-module">{t('settings.module')}</h2>
          <p className={settings.pkcs11Module ? 'mono' : undefined}>
            {settings.pkcs11Module ?? t('settings.moduleAuto')}
          </p>
          <p className="hint muted">{t('settings.moduleHint')}</p>
          <div className="row">
            <button type="button" className="btn" onClick={() => pickModule('module', false)}>
              {t('settings.moduleChoose')}
            </button>
            {settings.pkcs11Module && (
              <button type="button" className="btn" onClick={() => void save({ pkcs11Module: null })}>
                {t('settings.moduleReset')}
              </button>
            )}
          </div>
        </section>
        <TrustListsSettings />
        <TrustSettings settings={settings} save={save} />
      </div>
    </>
  );
}
