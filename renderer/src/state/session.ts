/** Start-up and live updates: settings, language, theme, tokens, card events, files opened from outside. */
import type { SigilloApi } from '../../../shared/api';
import type { Settings } from '../../../shared/schemas/settings';
import { changeLanguage, osLanguage, type UiLang } from '../i18n/setup';
import { defaultAction } from '../model/files';
import { useApp } from './store';
import { useReminders } from './reminders';
import { autoRefreshTrust } from './trust';

let osLang: UiLang = osLanguage();

export function applyTheme(theme: Settings['theme']): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export async function applySettings(s: Settings): Promise<void> {
  useApp.getState().setSettings(s);
  applyTheme(s.theme);
  await changeLanguage(s.language === 'auto' ? osLang : s.language);
}

export async function refreshTokens(sigillo: SigilloApi, refresh = false): Promise<void> {
  const res = await sigillo.listTokens(refresh ? { refresh: true } : {});
  if (res.ok) useApp.getState().setTokens(res.value);
  else useApp.getState().setTokensError(res.error);
}

export async function refreshReminders(sigillo: SigilloApi): Promise<void> {
  const res = await sigillo.renewalStatus({});
  if (res.ok) useReminders.getState().setStatus(res.value);
}

function openFiles(paths: string[]): void {
  if (paths.length === 0) return;
  const app = useApp.getState();
  if (defaultAction(paths) === 'verify') {
    app.addVerifyFiles(paths);
    app.navigate('verify');
  } else {
    app.addSignFiles(paths);
    app.navigate('sign');
  }
}

/** Loads everything the screens need and subscribes to events; returns the unsubscribe function. */
export async function startSession(sigillo: SigilloApi): Promise<() => void> {
  const info = await sigillo.appInfo({});
  if (info.ok) osLang = info.value.osLanguage;
  const settings = await sigillo.getSettings({});
  if (settings.ok) await applySettings(settings.value);
  else await changeLanguage(osLang);
  const offs = [
    sigillo.on('card', () => void refreshTokens(sigillo)),
    sigillo.on('openFiles', (e) => openFiles(e.paths)),
    sigillo.on('reminder', (e) => useReminders.getState().setPending(e.reminders)),
  ];
  await Promise.all([refreshTokens(sigillo), refreshReminders(sigillo)]);
  // in the background: the window is usable while the lists download
  void autoRefreshTrust(sigillo);
  return () => offs.forEach((off) => off());
}
