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
function fillBoth(msg: Message, params: Record<string, string | number>): Message {
  return {
    it: fill(msg.it, params, (v) => paramIn('it', v)),
    en: fill(msg.en, params, (v) => paramIn('en', v)),
  };
}

interface Filled {
  it: string;
  en: string;
  pair: Message;
}

/** pairs already filled, by message and by what its parameters are written as in both languages */
const FILLED = new WeakMap<Message, Map<string, Filled>>();
/** fillings kept per message (a batch words the same warning for each file; a name or a date varies) */
const FILLED_PER_MESSAGE = 64;

/**
 * the key of a filling: each parameter's name and what it is written as in Italian and in English (its twin when
 * it is a core text, which changes as texts are remembered), each part preceded by its length
 */
function fillingKey(params: Record<string, string | number>): string {
  let key = '';
  for (const k of Object.keys(params)) {
    const v = params[k] as string | number;
    const it = String(paramIn('it', v));
    const en = String(paramIn('en', v));
    key += `${k.length}:${k}${it.length}:${it}${en.length}:${en}`;
  }
  return key;
}

/**
 * `msg` filled in both languages (fillBoth), once per message and parameter values (the pair is shared, as the
 * remembered twins already are)
 */
function both(msg: Message, params: Record<string, string | number> = {}): Message {
  let byKey = FILLED.get(msg);
  if (!byKey) FILLED.set(msg, (byKey = new Map()));
  const key = fillingKey(params);
  const hit = byKey.get(key);
  if (hit && hit.it === msg.it && hit.en === msg.en) return hit.pair;
  const pair = fillBoth(msg, params);
  if (byKey.size >= FILLED_PER_MESSAGE) byKey.clear();
  byKey.set(key, { it: msg.it, en: msg.en, pair });
  return pair;
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

export function t(msg: Message, params: Record<string, string | number> = {}): string {
  return say(msg, params);
}
