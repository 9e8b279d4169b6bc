/**
 * The texts of a verification report in the language of the reader, not the one of the verification (issue 21
 * flow 5): the window and the report PDF read them here. Each text carries its both-language twin (the core's
 * catalogue, electron/core/validate/report-texts.ts); a report without twins (an older one) shows its text as it
 * was written.
 */
import type {
  FileReport,
  LocalisedText,
  RevocationReport,
  SignatureReport,
  TimestampReport,
} from '../schemas/verify';

export type ReportLang = 'it' | 'en';

/** 'en' for an English language tag (i18next's `en`, `en-GB`), 'it' otherwise. */
export function reportLang(tag: string): ReportLang {
  return /^en/i.test(tag) ? 'en' : 'it';
}

/** `text` in `lang`, from its twin when there is one. */
function inLang(text: string, twin: LocalisedText | null | undefined, lang: ReportLang): string {
  return twin ? twin[lang] : text;
}

function listIn(texts: string[], twins: LocalisedText[] | undefined, lang: ReportLang): string[] {
  return texts.map((m, i) => inLang(m, twins?.[i], lang));
}

type Explained = Pick<SignatureReport | TimestampReport, 'explanation' | 'explanationText'>;
type Noted = Pick<SignatureReport | TimestampReport, 'messages' | 'messageTexts'>;

export const explanationIn = (s: Explained, lang: ReportLang): string =>
  inLang(s.explanation, s.explanationText, lang);

export const messagesIn = (s: Noted, lang: ReportLang): string[] => listIn(s.messages, s.messageTexts, lang);

export const revocationMessageIn = (r: RevocationReport, lang: ReportLang): string | null =>
  r.message === null ? null : inLang(r.message, r.messageText, lang);

export const errorMessageIn = (
  r: Pick<FileReport, 'error' | 'errorText'>,
  lang: ReportLang,
): string | null => (r.error ? inLang(r.error.message, r.errorText, lang) : null);
