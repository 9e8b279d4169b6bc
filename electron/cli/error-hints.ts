/**
 * The core's messages say the fact (the window shows them too, so they name no CLI flag); the CLI adds here,
 * by error code, the option that fixes it.
 */
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import { t, type Message } from '../core/i18n/translate';

export type Hints = Partial<Record<string, Message>>;

const HINTS: Hints = {
  OUTPUT_EXISTS: { it: 'Usare --overwrite per sostituirlo.', en: 'Use --overwrite to replace it.' },
  OUTPUT_IS_INPUT: { it: 'Indicare --out CARTELLA.', en: 'Give --out DIR.' },
  MODULE_NOT_FOUND: {
    it: 'Il modulo si indica con --module PERCORSO o la variabile SIGILLO_PKCS11_MODULE.',
    en: 'Name the module with --module PATH or the SIGILLO_PKCS11_MODULE variable.',
  },
  MODULE_NOT_INSTALLED: {
    it: 'Il modulo si indica con --module PERCORSO.',
    en: 'Name the module with --module PATH.',
  },
  CARD_UNKNOWN: {
    it: 'Il modulo si indica con --module PERCORSO.',
    en: 'Name the module with --module PATH.',
  },
  TOKEN_AMBIGUOUS: { it: 'Usare --token ETICHETTA.', en: 'Use --token LABEL.' },
  NO_SIGNATURE_CERT: { it: 'Usare --cert ID.', en: 'Use --cert ID.' },
  CERT_AMBIGUOUS: { it: 'Usare --cert ID.', en: 'Use --cert ID.' },
  DETACHED_SIGNATURE: { it: 'Per firmare la firma: --nest.', en: 'To sign the signature: --nest.' },
  M7M_NEEDS_P7M: { it: 'Usare --format tsd.', en: 'Use --format tsd.' },
  CONTENT_NOT_FOUND: { it: 'Indicarlo con --content FILE.', en: 'Give it with --content FILE.' },
  TSA_URL_MISSING: {
    it: 'Indicare --tsa URL oppure la variabile SIGILLO_TSA_URL.',
    en: 'Give --tsa URL or set SIGILLO_TSA_URL.',
  },
  SIGNER_NOT_FOUND: { it: 'Usare --signer N.', en: 'Use --signer N.' },
};

/** `sigillo extract`: a broken signature stops the extraction unless asked. */
export const EXTRACT_HINTS: Hints = {
  INTEGRITY_FAILED: { it: 'Usare --force per estrarre comunque.', en: 'Use --force to extract anyway.' },
};

/** The error with the CLI option that fixes it appended to its message (unchanged when none applies). */
export function withCliHint(info: ErrorInfo, extra: Hints = {}): ErrorInfo {
  const hint = extra[info.code] ?? HINTS[info.code];
  return hint ? { ...info, message: `${info.message} ${t(hint)}` } : info;
}

/** toErrorInfo for the CLI: the same code, the message with its option hint. */
export function cliErrorInfo(e: unknown, extra: Hints = {}): ErrorInfo {
  return withCliHint(toErrorInfo(e), extra);
}
