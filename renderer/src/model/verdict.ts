/**
 * What the user reads first about a verification: tone + one sentence, decided by the one function the report PDF
 * uses too (shared/verdict/headline.ts), in the interface language — a language switch re-renders old results.
 */
import type { FileReport, SignatureReport } from '../../../shared/schemas/verify';
import { fileHeadline, type Headline } from '../../../shared/verdict/headline';
import { reportLang } from '../../../shared/verdict/texts';

export {
  allSignatures,
  sentenceText,
  signatureLabel,
  signatureSentence,
  signatureTone,
  signerName,
  type Tone,
} from '../../../shared/verdict/headline';

/** The file's headline in the interface language `uiLang` (i18next's language). */
export function fileVerdict(report: FileReport, uiLang: string): Headline {
  return fileHeadline(report, reportLang(uiLang));
}

export function counterSignatures(s: SignatureReport): SignatureReport[] {
  return s.counterSignatures;
}
