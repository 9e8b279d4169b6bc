/**
 * The one sentence at the top of a file's report, with its tone (colour and icon), as the window says it first:
 * the worst signature decides; all valid → "valid", no signature → neutral.
 */
import { formatDate, formatTime } from '../../../shared/format/dates';
import { t } from '../i18n/translate';
import type { PdfSignatureReport } from '../pdf/verify-pdf';
import type { FileReport, SignatureReport } from '../verify/types';
import type { Tone } from './pdf-text';

const H = {
  fileError: { it: 'Il file non può essere verificato: {m}', en: 'The file cannot be verified: {m}' },
  none: { it: 'Nessuna firma trovata.', en: 'No signature found.' },
  allValid: { it: 'Tutte le {n} firme sono valide.', en: 'All {n} signatures are valid.' },
  valid: { it: 'Firma valida — {who}', en: 'Valid signature — {who}' },
  at: { it: ', firmato il {date} alle {time}', en: ', signed on {date} at {time}' },
  qualified: { it: ', certificato qualificato', en: ', qualified certificate' },
  modified: {
    it: 'Il documento è stato modificato dopo la firma.',
    en: 'The document was changed after it was signed.',
  },
  broken: {
    it: 'La firma di {name} non corrisponde al documento: il file è stato alterato o la firma è corrotta.',
    en: "{name}'s signature does not match the document: the file was altered or the signature is damaged.",
  },
  revoked: {
    it: 'Il certificato di {name} è stato revocato: la firma non è valida.',
    en: "{name}'s certificate was revoked: the signature is not valid.",
  },
  invalid: { it: 'La firma di {name} non è valida.', en: "{name}'s signature is not valid." },
  tryLater: {
    it: 'Non è stato possibile verificare la revoca del certificato di {name} (servizio non raggiungibile): riprova più tardi.',
    en: "The revocation of {name}'s certificate could not be checked (service not reachable): try again later.",
  },
  noChain: {
    it: 'Il certificato di {name} non è emesso da un ente certificatore fidato.',
    en: "{name}'s certificate is not issued by a trusted certification authority.",
  },
  contentMissing: {
    it: 'Manca il documento firmato da {name}: mettilo accanto alla firma con lo stesso nome e verifica di nuovo.',
    en: 'The document signed by {name} is missing: put it next to the signature with the same name and verify again.',
  },
  indeterminate: {
    it: 'La firma di {name} non può essere verificata del tutto.',
    en: "{name}'s signature cannot be fully verified.",
  },
};

export function signatureTone(s: SignatureReport): Tone {
  // a detached signature without its document: not broken, not checkable yet
  if (s.contentMissing && s.indication === 'INDETERMINATE') return 'warn';
  if (s.integrity === 'invalid' || s.indication === 'TOTAL_FAILED') return 'bad';
  return s.indication === 'INDETERMINATE' ? 'warn' : 'ok';
}

const RANK: Partial<Record<Tone, number>> = { ok: 0, warn: 1, bad: 2 };

export function allSignatures(list: readonly SignatureReport[]): SignatureReport[] {
  return list.flatMap((s) => [s, ...allSignatures(s.counterSignatures)]);
}

export function signerName(s: SignatureReport): string {
  const p = s.signer;
  return p.commonName ?? ([p.surname, p.givenName].filter(Boolean).join(' ') || p.organization || '?');
}

function sentence(s: SignatureReport, tone: Tone): string {
  const name = signerName(s);
  if (tone === 'bad') {
    if ((s as Partial<PdfSignatureReport>).modifications?.allowed === false) return t(H.modified);
    if (s.integrity === 'invalid') return t(H.broken, { name });
    return t(s.subIndication === 'REVOKED' ? H.revoked : H.invalid, { name });
  }
  if (tone === 'warn') {
    if (s.contentMissing) return t(H.contentMissing, { name });
    if (s.subIndication === 'TRY_LATER') return t(H.tryLater, { name });
    if (s.subIndication === 'NO_CERTIFICATE_CHAIN_FOUND') return t(H.noChain, { name });
    return t(H.indeterminate, { name });
  }
  const who = s.signer.fiscalCode ? `${name} (${s.signer.fiscalCode})` : name;
  const at = s.signingTime
    ? t(H.at, { date: formatDate(s.signingTime), time: formatTime(s.signingTime) })
    : '';
  return `${t(H.valid, { who })}${at}${s.qualified ? t(H.qualified) : ''}.`;
}

export function headline(r: FileReport): { tone: Tone; sentence: string } {
  if (r.error) return { tone: 'bad', sentence: t(H.fileError, { m: r.error.message }) };
  const sigs = allSignatures(r.signatures);
  if (sigs.length === 0) return { tone: 'neutral', sentence: t(H.none) };
  const tone = sigs.map(signatureTone).reduce((a, b) => ((RANK[b] ?? 0) > (RANK[a] ?? 0) ? b : a), 'ok');
  if (tone === 'ok' && sigs.length > 1) return { tone, sentence: t(H.allValid, { n: sigs.length }) };
  const first = sigs.find((s) => signatureTone(s) === tone) ?? sigs[0]!;
  return { tone, sentence: sentence(first, tone) };
}
