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

/** `text` with its `{name}` placeholders filled from params (an unknown name stays as written). */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function t(msg: Message, params: Record<string, string | number> = {}): string {
  return fill(msg[current], params);
}
