/**
 * What the CLI adds to an error of the core: the flag or variable that solves it. The core's message states only
 * the fact (it never names a flag, i18n/catalogue.ts); the window offers its own control instead.
 */
import { SigilloError, toErrorInfo, type ErrorInfo } from '../core/errors';
import type { ErrorCode, MessageKey } from '../core/i18n/catalogue';
import { t, type Message } from '../core/i18n/translate';

/** catalogue key (`CODE` or `CODE:variant`) or error code → hint; the key wins */
const HINTS: Readonly<Partial<Record<ErrorCode | MessageKey, Message>>> = {
  OUTPUT_EXISTS: { it: 'Usare --overwrite per sostituirlo.', en: 'Use --overwrite to replace it.' },
  OUTPUT_IS_INPUT: { it: 'Indicare --out con un’altra cartella.', en: 'Give --out with another folder.' },
  MODULE_NOT_INSTALLED: {
    it: 'Oppure indicare il modulo PKCS#11 con --module.',
    en: 'Or give the PKCS#11 module with --module.',
  },
  CARD_UNKNOWN: {
    it: 'Oppure indicare il modulo PKCS#11 con --module.',
    en: 'Or give the PKCS#11 module with --module.',
  },
  'MODULE_NOT_FOUND:none': {
    it: 'Oppure indicare il modulo con --module PERCORSO o la variabile SIGILLO_PKCS11_MODULE.',
    en: 'Or name the module with --module PATH or the SIGILLO_PKCS11_MODULE variable.',
  },
  TOKEN_AMBIGUOUS: { it: 'Sceglierlo con --token ETICHETTA.', en: 'Choose it with --token LABEL.' },
  'TOKEN_AMBIGUOUS:label': {
    it: 'Indicare il numero di serie con --token.',
    en: 'Give the serial number with --token.',
  },
  NO_SIGNATURE_CERT: { it: 'Indicarlo con --cert ID.', en: 'Name it with --cert ID.' },
  CERT_AMBIGUOUS: { it: 'Sceglierlo con --cert ID.', en: 'Choose it with --cert ID.' },
  TSA_URL_MISSING: {
    it: 'Indicare --tsa URL oppure la variabile SIGILLO_TSA_URL.',
    en: 'Give --tsa URL or set SIGILLO_TSA_URL.',
  },
  INTEGRITY_FAILED: { it: 'Usare --force per estrarre comunque.', en: 'Use --force to extract anyway.' },
  SIGNER_NOT_FOUND: { it: 'Indicare --signer da 1 a {count}.', en: 'Give --signer from 1 to {count}.' },
  BAD_VISIBLE_SPEC: { it: '(--visible)', en: '(--visible)' },
  'DETACHED_SIGNATURE:sign': { it: 'Oppure usare --nest.', en: 'Or use --nest.' },
  M7M_NEEDS_P7M: { it: 'Usare --format tsd.', en: 'Use --format tsd.' },
  CONTENT_NOT_FOUND: { it: 'Indicarlo con --content.', en: 'Give it with --content.' },
};

/** The CLI's hint for an error, in the user's language, or undefined. */
export function cliHint(e: {
  code: string;
  key?: string;
  details?: Record<string, unknown>;
}): string | undefined {
  const byName: Readonly<Record<string, Message | undefined>> = HINTS;
  const hint = (e.key !== undefined ? byName[e.key] : undefined) ?? byName[e.code];
  if (!hint) return undefined;
  const params = Object.fromEntries(
    Object.entries(e.details ?? {}).filter((kv): kv is [string, string | number] =>
      ['string', 'number'].includes(typeof kv[1]),
    ),
  );
  return t(hint, params);
}

/** toErrorInfo with the CLI's hint added to the message. */
export function cliErrorInfo(e: unknown): ErrorInfo {
  const info = toErrorInfo(e);
  const hint = e instanceof SigilloError ? cliHint(e) : undefined;
  return hint ? { ...info, message: `${info.message} ${hint}` } : info;
}

/** The message of an error that crossed as `{code, message}` (e.g. in a device event), with the CLI's hint. */
export function hintedMessage(info: ErrorInfo): string {
  const hint = cliHint(info);
  return hint ? `${info.message} ${hint}` : info.message;
}
