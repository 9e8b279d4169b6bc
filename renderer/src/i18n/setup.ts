/** i18next with the Italian and English resources; Italian unless the OS (or the setting) asks for English. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { it } from './it';
import { en } from './en';

export type UiLang = 'it' | 'en';

export function osLanguage(nav: Pick<Navigator, 'language'> | undefined = globalThis.navigator): UiLang {
  return nav && /^en/i.test(nav.language) ? 'en' : 'it';
}

export function setupI18n(lang: UiLang = osLanguage()): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { it: { translation: it }, en: { translation: en } },
      lng: lang,
      fallbackLng: 'it',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else if (i18next.language !== lang) {
    void i18next.changeLanguage(lang);
  }
  document.documentElement.lang = lang;
  return i18next;
}

export async function changeLanguage(lang: UiLang): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}
