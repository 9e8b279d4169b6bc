import { describe, expect, it } from 'vitest';
import { detectLang } from '../../electron/core/i18n/locale';

describe('detectLang: the rule written in locale.ts', () => {
  it('Italian for an Italian locale, English for an English one', () => {
    expect(detectLang({ LANG: 'it_IT.UTF-8' })).toBe('it');
    expect(detectLang({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(detectLang({ LANG: 'EN_us' })).toBe('en');
  });
  it('English when no locale is set (unset, empty, C, C.UTF-8, POSIX)', () => {
    for (const LANG of [undefined, '', 'C', 'C.UTF-8', 'C.utf8', 'POSIX'])
      expect(detectLang({ LANG })).toBe('en');
  });
  it('Italian for any other language', () => {
    expect(detectLang({ LANG: 'de_DE.UTF-8' })).toBe('it');
    expect(detectLang({ LANG: 'fr_FR' })).toBe('it');
  });
  it('SIGILLO_LANG first, then LC_ALL, LC_MESSAGES, LANG', () => {
    expect(detectLang({ SIGILLO_LANG: 'en', LC_ALL: 'it_IT', LANG: 'it_IT' })).toBe('en');
    expect(detectLang({ LC_ALL: 'it_IT', LC_MESSAGES: 'en_US', LANG: 'en_US' })).toBe('it');
    expect(detectLang({ LC_MESSAGES: 'en_US', LANG: 'it_IT' })).toBe('en');
  });
});
