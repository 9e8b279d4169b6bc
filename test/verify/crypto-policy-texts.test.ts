/**
 * assessCrypto's texts (issue 22: a batch says the same warning for every file; translate.ts fills a message once
 * per distinct parameters). Each text must be what t() says: in the current language after a switch, its twin
 * remembered (report-texts.ts shows a report in the other language from it), and filled anew when a parameter is
 * itself a core text (then t() fills it with that text's twin in each language). */
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXPIRED,
  REFUSED,
  WARN,
  assessCrypto,
  digestUse,
  keyUse,
} from '../../electron/core/x509/crypto-policy';
import { getLang, setLang, t } from '../../electron/core/i18n/translate';
import { rememberTwin, twinOf } from '../../electron/core/i18n/text-twins';

const NOW = new Date('2026-12-07T00:00:00Z');
const lang = getLang();
afterEach(() => setLang(lang));

const uses = () => [keyUse('rsa', 2048), digestUse('sha1'), keyUse('rsa', 512)];
const expected = () =>
  [
    t(WARN, { alg: 'RSA 2048 bit', date: '2026-01-01' }),
    t(REFUSED, { alg: 'RSA 512 bit' }),
    t(EXPIRED, { alg: 'SHA-1', date: '2009-01-01' }),
  ].sort();

describe('assessCrypto texts', () => {
  it('the same as t(), in each language, said again and after a switch, with the twin remembered', () => {
    for (const l of ['en', 'it', 'en', 'it'] as const) {
      setLang(l);
      for (let i = 0; i < 3; i++) {
        const said = assessCrypto(uses(), NOW).messages;
        expect([...said].sort()).toEqual(expected());
        for (const m of said) expect(twinOf(m)?.[l]).toBe(m);
      }
    }
    expect(assessCrypto(uses(), NOW).messages.some((m) => m.includes('algoritmo'))).toBe(true);
  });

  it('a parameter that is itself a core text is filled with its twin, as t() does', () => {
    setLang('en');
    const before = assessCrypto([keyUse('ec', 100)], NOW).messages;
    rememberTwin('EC 100 bit', { it: 'EC 100 bit (it)', en: 'EC 100 bit' });
    setLang('it');
    const after = assessCrypto([keyUse('ec', 100)], NOW).messages;
    expect(after).toEqual([t(REFUSED, { alg: 'EC 100 bit' })]);
    expect(after[0]).toContain('EC 100 bit (it)');
    expect(before[0]).toBe('EC 100 bit: algorithm not accepted by the validation policy.');
  });
});
