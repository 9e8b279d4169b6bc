/**
 * From a verification report to what the user reads first, the same in the window and in the report PDF: a tone
 * (colour and icon) and ONE plain sentence (issue 21). The worst signature decides; every signature valid → valid
 * (several: "all N valid"); a file with no signature → neutral, never "not valid". Texts: headline-texts.ts; a
 * file error's own words and the dates are in the reader's language (texts.ts, shared/format).
 */
import { formatDate, formatTime } from '../format/dates';
import { fill } from '../format/fill';
import { isSignedEnvelope } from '../file-kinds';
import type { FileReport, SignatureReport } from '../schemas/verify';
import { HEADLINE_TEXTS, type HeadlineKey } from './headline-texts';
import { errorMessageIn, type ReportLang } from './texts';

export type { HeadlineKey } from './headline-texts';

/** 'none': the file carries no signature at all — neutral, neither valid nor invalid */
export type Tone = 'ok' | 'bad' | 'warn' | 'none';

interface Sentence {
  key: HeadlineKey;
  params: Record<string, string | number>;
}

export interface Headline {
  tone: Tone;
  sentence: Sentence;
  /** the sentence in the language asked for */
  text: string;
}

/** Error codes that only say "this file is not signed" (a plain file is not a broken signature). */
const UNSIGNED_CODES = new Set(['NO_SIGNATURES', 'XML_NOT_SIGNED', 'ASIC_NO_SIGNATURE']);

const FAILED_KEYS: Partial<Record<string, HeadlineKey>> = {
  HASH_FAILURE: 'modified',
  SIG_CRYPTO_FAILURE: 'cryptoFailure',
  REVOKED: 'revoked',
  NOT_YET_VALID: 'notYetValid',
  FORMAT_FAILURE: 'formatFailure',
};

const INDETERMINATE_KEYS: Partial<Record<string, HeadlineKey>> = {
  TRY_LATER: 'tryLater',
  NO_CERTIFICATE_CHAIN_FOUND: 'noChain',
  NO_SIGNING_CERTIFICATE_FOUND: 'noSigningCert',
  OUT_OF_BOUNDS_NO_POE: 'expiredCert',
  EXPIRED: 'expiredCert',
  CRYPTO_CONSTRAINTS_FAILURE: 'weakCrypto',
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE: 'weakCryptoNoPoe',
  REVOKED_NO_POE: 'revoked',
  REVOKED_CA_NO_POE: 'revokedCa',
  CHAIN_CONSTRAINTS_FAILURE: 'chainConstraints',
  SIGNED_DATA_NOT_FOUND: 'contentMissing',
};

function isUnsigned(report: Pick<FileReport, 'error' | 'file' | 'signatures'>): boolean {
  if (!report.error) return allSignatures(report.signatures).length === 0;
  // NOT_CMS on a .p7m is a damaged envelope (bad); on any other file it just means "not signed"
  return (
    UNSIGNED_CODES.has(report.error.code) ||
    (report.error.code === 'NOT_CMS' && !isSignedEnvelope(report.file))
  );
}

/** a signature's own tone: it is there, so never 'none' */
type SignatureTone = Exclude<Tone, 'none'>;

export function signatureTone(s: SignatureReport): SignatureTone {
  // a detached signature without its document (contentMissing): not broken, just not checkable yet
  if (s.contentMissing && s.indication === 'INDETERMINATE') return 'warn';
  if (s.integrity === 'invalid' || s.indication === 'TOTAL_FAILED') return 'bad';
  if (s.indication === 'INDETERMINATE') return 'warn';
  // an XML signature over part of the file only: valid for that, but the file is not what it signs
  if (s.partialScope) return 'warn';
  return 'ok';
}

/** the word for a signature's tone: 'partial' for a signature valid for what it signs but not for the whole file */
export type SignatureLabel = SignatureTone | 'partial';

export function signatureLabel(s: SignatureReport): SignatureLabel {
  const tone = signatureTone(s);
  return tone === 'warn' && s.partialScope && s.indication === 'TOTAL_PASSED' ? 'partial' : tone;
}

const RANK: Record<Tone, number> = { none: 0, ok: 0, warn: 1, bad: 2 };

/** The worst of some tones ('ok' for none). */
function worst(tones: Tone[]): Tone {
  return tones.reduce<Tone>((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');
}

/** Every signature of a report, counter-signatures included, in reading order (for counts and verdicts). */
export function allSignatures(signatures: readonly SignatureReport[]): SignatureReport[] {
  return signatures.flatMap((s) => [s, ...allSignatures(s.counterSignatures)]);
}

export function signerName(s: SignatureReport): string {
  const p = s.signer;
  return p.commonName ?? ([p.surname, p.givenName].filter(Boolean).join(' ') || p.organization || '?');
}

/** The sentence for one signature ("Firma valida — VERDI GIULIA (…), firmato il … alle …"). */
export function signatureSentence(s: SignatureReport, lang: ReportLang): Sentence {
  const tone = signatureTone(s);
  const name = signerName(s);
  const sub = s.subIndication ?? '';
  if (tone === 'bad') {
    // a PDF changed after this signature in a way it does not permit: say that, not the sub-indication's words
    if (s.modifications?.allowed === false) return { key: 'modified', params: { name } };
    const key = s.integrity === 'invalid' && !FAILED_KEYS[sub] ? 'modified' : (FAILED_KEYS[sub] ?? 'invalid');
    return { key, params: { name } };
  }
  if (tone === 'warn' && s.partialScope && s.indication === 'TOTAL_PASSED')
    return { key: 'partlySigned', params: { name } };
  if (tone === 'warn') return { key: INDETERMINATE_KEYS[sub] ?? 'indeterminate', params: { name } };
  const cf = s.signer.fiscalCode ?? '';
  const key = `${cf ? 'valid' : 'validNoCf'}${s.signingTime ? 'At' : ''}${s.qualified ? 'Qualified' : ''}`;
  return {
    key: key as HeadlineKey,
    params: s.signingTime
      ? { name, cf, date: formatDate(s.signingTime, lang), time: formatTime(s.signingTime, lang) }
      : { name, cf },
  };
}

export function sentenceText(sentence: Sentence, lang: ReportLang): string {
  return fill(HEADLINE_TEXTS[lang][sentence.key], sentence.params);
}

function withText(tone: Tone, sentence: Sentence, lang: ReportLang): Headline {
  return { tone, sentence, text: sentenceText(sentence, lang) };
}

/** The tone and the one sentence of a file's report, in `lang`. */
export function fileHeadline(report: FileReport, lang: ReportLang): Headline {
  if (isUnsigned(report)) return withText('none', { key: 'noSignatures', params: {} }, lang);
  const error = errorMessageIn(report, lang);
  if (error !== null) return withText('bad', { key: 'fileError', params: { message: error } }, lang);
  const sigs = allSignatures(report.signatures);
  const tone = worst(sigs.map(signatureTone));
  const first = sigs.find((s) => signatureTone(s) === tone) ?? sigs[0];
  if (!first) return withText('none', { key: 'noSignatures', params: {} }, lang);
  // document timestamps only (a PDF's /DocTimeStamp): valid ones prove a time, not a signer — neutral, as the CLI
  // exits 1 for it (report-passed.ts); a broken one still shows as broken
  if (tone === 'ok' && sigs.every((s) => s.documentTimestamp === true))
    return withText('none', { key: 'timestampedOnly', params: {} }, lang);
  if (tone === 'ok' && sigs.length > 1)
    return withText(tone, { key: 'allValid', params: { count: sigs.length } }, lang);
  return withText(tone, signatureSentence(first, lang), lang);
}
