import { detectLang, type Lang } from './locale';

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

export function t(msg: Message, params: Record<string, string | number> = {}): string {
  return msg[current].replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}
