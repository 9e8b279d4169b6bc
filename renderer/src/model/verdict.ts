/**
 * From the verification report (shared/ FileReport, issue 4 shape) to what the user reads first: a tone
 * (valid / invalid / indeterminate) and an i18n key + params for ONE plain sentence. No text here: keys only.
 */
import type { FileReport, SignatureReport } from '../../../shared/schemas/verify';
import { isSignedEnvelope } from './files';

/** 'none': the file carries no signature at all — neutral, neither valid nor invalid */
export type Tone = 'ok' | 'bad' | 'warn' | 'none';

/** Error codes that only say "this file is not signed" (a plain file is not a broken signature). */
const UNSIGNED_CODES = new Set(['NO_SIGNATURES', 'XML_NOT_SIGNED', 'ASIC_NO_SIGNATURE']);

export function isUnsigned(report: FileReport): boolean {
  if (!report.error) return allSignatures(report.signatures).length === 0;
  // NOT_CMS on a .p7m is a damaged envelope (bad); on any other file it just means "not signed"
  return (
    UNSIGNED_CODES.has(report.error.code) ||
    (report.error.code === 'NOT_CMS' && !isSignedEnvelope(report.file))
  );
}

export interface Sentence {
  key: string;
  params: Record<string, string | number>;
}

export interface Verdict {
  tone: Tone;
  sentence: Sentence;
  /** the core's own explanation when it says more than our sentence */
  explanation?: string;
}

const FAILED_KEYS: Record<string, string> = {
  HASH_FAILURE: 'verdict.modified',
  SIG_CRYPTO_FAILURE: 'verdict.cryptoFailure',
  REVOKED: 'verdict.revoked',
  NOT_YET_VALID: 'verdict.notYetValid',
  FORMAT_FAILURE: 'verdict.formatFailure',
};

const INDETERMINATE_KEYS: Record<string, string> = {
  TRY_LATER: 'verdict.tryLater',
  REVOCATION_UNKNOWN: 'verdict.tryLater',
  NO_CERTIFICATE_CHAIN_FOUND: 'verdict.noChain',
  NO_SIGNING_CERTIFICATE_FOUND: 'verdict.noSigningCert',
  OUT_OF_BOUNDS_NO_POE: 'verdict.expiredCert',
  OUT_OF_BOUNDS_NOT_REVOKED: 'verdict.expiredCert',
  EXPIRED: 'verdict.expiredCert',
  CRYPTO_CONSTRAINTS_FAILURE: 'verdict.weakCrypto',
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE: 'verdict.weakCryptoNoPoe',
  REVOKED_NO_POE: 'verdict.revoked',
  REVOKED_CA_NO_POE: 'verdict.revokedCa',
  CHAIN_CONSTRAINTS_FAILURE: 'verdict.chainConstraints',
  SIGNED_DATA_NOT_FOUND: 'verdict.contentMissing',
};

export function signatureTone(s: SignatureReport): Tone {
  // a detached signature without its document: not broken, just not checkable yet
  if (s.contentMissing && s.indication === 'INDETERMINATE') return 'warn';
  if (s.integrity === 'invalid' || s.indication === 'TOTAL_FAILED') return 'bad';
  if (s.indication === 'INDETERMINATE') return 'warn';
  return 'ok';
}

const RANK: Record<Tone, number> = { none: 0, ok: 0, warn: 1, bad: 2 };

export function worst(tones: Tone[]): Tone {
  return tones.reduce<Tone>((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');
}

/** Every signature of a report, counter-signatures included, in reading order (for counts and verdicts). */
export function allSignatures(signatures: readonly SignatureReport[]): SignatureReport[] {
  return signatures.flatMap((s) => [s, ...allSignatures(counterSignatures(s))]);
}

export function counterSignatures(s: SignatureReport): SignatureReport[] {
  return s.counterSignatures;
}

export function signerName(s: SignatureReport): string {
  const p = s.signer;
  return p.commonName ?? ([p.surname, p.givenName].filter(Boolean).join(' ') || p.organization || '?');
}

/** The sentence for one signature ("Firma valida — VERDI GIULIA (…), firmato il … alle …"). */
export function signatureSentence(
  s: SignatureReport,
  fmt: { date(iso: string): string; time(iso: string): string },
): Sentence {
  const tone = signatureTone(s);
  const sub = s.subIndication ?? '';
  if (tone === 'bad') {
    // a PDF changed after this signature in a way it does not permit: say that, not the sub-indication's words
    if (s.modifications?.allowed === false)
      return { key: 'verdict.modified', params: { name: signerName(s) } };
    const key =
      s.integrity === 'invalid' && !FAILED_KEYS[sub]
        ? 'verdict.modified'
        : (FAILED_KEYS[sub] ?? 'verdict.invalid');
    return { key, params: { name: signerName(s) } };
  }
  if (tone === 'warn')
    return { key: INDETERMINATE_KEYS[sub] ?? 'verdict.indeterminate', params: { name: signerName(s) } };
  const name = signerName(s);
  const cf = s.signer.fiscalCode ?? '';
  const qualified = s.qualified;
  const base = cf ? 'verdict.valid' : 'verdict.validNoCf';
  const timed = s.signingTime ? 'At' : '';
  const q = qualified ? 'Qualified' : '';
  return {
    key: `${base}${timed}${q}`,
    params: s.signingTime
      ? { name, cf, date: fmt.date(s.signingTime), time: fmt.time(s.signingTime) }
      : { name, cf },
  };
}

export function fileVerdict(
  report: FileReport,
  fmt: { date(iso: string): string; time(iso: string): string },
): Verdict {
  if (isUnsigned(report)) return { tone: 'none', sentence: { key: 'verdict.noSignatures', params: {} } };
  if (report.error)
    return { tone: 'bad', sentence: { key: 'verdict.fileError', params: { message: report.error.message } } };
  const sigs = allSignatures(report.signatures);
  const tone = worst(sigs.map(signatureTone));
  const first = sigs.find((s) => signatureTone(s) === tone) ?? sigs[0];
  if (!first) return { tone: 'none', sentence: { key: 'verdict.noSignatures', params: {} } };
  if (tone === 'ok' && sigs.length > 1)
    return { tone, sentence: { key: 'verdict.allValid', params: { count: sigs.length } } };
  return { tone, sentence: signatureSentence(first, fmt), explanation: first.explanation };
}
