/**
 * Both languages of the texts the core has just produced (issue 21 flow 5: old results follow a language switch).
 * `t()` and the catalogue fill every message in Italian and English, return the current language and remember the
 * pair here, keyed by the returned text. A verification report then carries each of its texts in both languages
 * (validate/report-texts.ts), so the window and the report PDF show them in the language chosen later, from the
 * one catalogue of the core and no copy of it. A text composed from another (`{why}` = a timestamp's explanation)
 * is filled in each language with that text's twin. Content-addressed, so concurrent verifications share it;
 * bounded: the oldest pairs are forgotten first (a text without a twin is shown as it was written).
 */
import type { Message } from './translate';

const CAP = 20_000;
const TWINS = new Map<string, Message>();

export function rememberTwin(text: string, both: Message): void {
  if (both.it === both.en) return;
  if (TWINS.has(text))
    TWINS.delete(text); // most recent last
  else if (TWINS.size >= CAP) TWINS.delete(TWINS.keys().next().value as string);
  TWINS.set(text, both);
}

/** The Italian and English forms of a text the core produced recently, if it remembers them. */
export function twinOf(text: string): Message | undefined {
  return TWINS.get(text);
}

/** A parameter's value in `lang`: its twin's form when the value is itself a text the core produced. */
export function paramIn(lang: keyof Message, value: string | number): string | number {
  return typeof value === 'string' ? (TWINS.get(value)?.[lang] ?? value) : value;
}
