import { detectLang, type Lang } from './locale';
import { fill } from '../../../shared/format/fill';
import { paramIn, rememberTwin } from './text-twins';

/** A message in both languages; `{name}` placeholders are filled from params. */
export interface Message {
  it: string;
  en: string;
}

let current: Lang = detectLang();

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** `msg` filled in both languages (a parameter that is itself a core text is filled with its twin). */
export function both(msg: Message, params: Record<string, string | number> = {}): Message {
  return {
    it: fill(msg.it, params, (v) => paramIn('it', v)),
    en: fill(msg.en, params, (v) => paramIn('en', v)),
  };
}

/** `msg` in `lang` (default: the current language); the other language is remembered (i18n/text-twins.ts). */
export function say(
  msg: Message,
  params: Record<string, string | number> = {},
  lang: Lang = current,
): string {
  const pair = both(msg, params);
  rememberTwin(pair[lang], pair);
  return pair[lang];
}

/** a pair `both` filled earlier, said as `say` says it: the current language's text, its twin remembered */
export function sayPair(pair: Message): string {
  rememberTwin(pair[current], pair);
  return pair[current];
}

export function t(msg: Message, params: Record<string, string | number> = {}): string {
  return say(msg, params);
}
