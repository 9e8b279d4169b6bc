/**
 * The one catalogue of error messages: error code → Italian and English text with `{name}` placeholders, made of
 * one table per core folder (messages/*.ts, the only place error texts are written). The CLI, the window (through
 * the IPC `{code, message}`) and the verification report all show these texts. A code with more than one wording
 * has keys `CODE:variant`; the error code is the part before the colon. Messages state the fact and never name a
 * CLI flag: each front end adds its own hint (cli/error-hints.ts, a button in the window).
 */
import { getLang, say, type Message } from './translate';
import type { Lang } from './locale';
import { ASIC_MESSAGES, type AsicErrorCode } from './messages/asic';
import { CARD_MESSAGES, type CardErrorCode } from './messages/card';
import { CMS_MESSAGES, type CmsErrorCode } from './messages/cms';
import { CRYPTO_MESSAGES, type CryptoErrorCode } from './messages/crypto';
import { FILES_MESSAGES, type FilesErrorCode } from './messages/files';
import { LTV_MESSAGES, type LtvErrorCode } from './messages/ltv';
import { OPEN_MESSAGES, type OpenErrorCode } from './messages/open';
import { PDF_MESSAGES, type PdfErrorCode } from './messages/pdf';
import { PKCS11_MESSAGES, type Pkcs11ErrorCode } from './messages/pkcs11';
import { RENEWAL_MESSAGES, type RenewalErrorCode } from './messages/renewal';
import { SIGN_MESSAGES, type SignErrorCode } from './messages/sign';
import { TIMESTAMP_MESSAGES, type TimestampErrorCode } from './messages/timestamp';
import { TRUST_MESSAGES, type TrustErrorCode } from './messages/trust';
import { TSA_MESSAGES, type TsaErrorCode } from './messages/tsa';
import { TSL_MESSAGES, type TslErrorCode } from './messages/tsl';
import { VERIFY_MESSAGES, type VerifyErrorCode } from './messages/verify';
import { X509_MESSAGES, type X509ErrorCode } from './messages/x509';
import { XADES_MESSAGES, type XadesErrorCode } from './messages/xades';
import { XML_MESSAGES, type XmlErrorCode } from './messages/xml';

export const CATALOGUE = {
  ...ASIC_MESSAGES,
  ...CARD_MESSAGES,
  ...CMS_MESSAGES,
  ...CRYPTO_MESSAGES,
  ...FILES_MESSAGES,
  ...LTV_MESSAGES,
  ...OPEN_MESSAGES,
  ...PDF_MESSAGES,
  ...PKCS11_MESSAGES,
  ...RENEWAL_MESSAGES,
  ...SIGN_MESSAGES,
  ...TIMESTAMP_MESSAGES,
  ...TRUST_MESSAGES,
  ...TSA_MESSAGES,
  ...TSL_MESSAGES,
  ...VERIFY_MESSAGES,
  ...X509_MESSAGES,
  ...XADES_MESSAGES,
  ...XML_MESSAGES,
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof CATALOGUE;

/** The error code of a catalogue key (`CODE:variant` → `CODE`). */
export type CodeOf<K extends string> = K extends `${infer C}:${string}` ? C : K;
/** Every error code of the core: the union of the folders' code unions. */
export type ErrorCode =
  | AsicErrorCode
  | CardErrorCode
  | CmsErrorCode
  | CryptoErrorCode
  | FilesErrorCode
  | LtvErrorCode
  | OpenErrorCode
  | PdfErrorCode
  | Pkcs11ErrorCode
  | RenewalErrorCode
  | SignErrorCode
  | TimestampErrorCode
  | TrustErrorCode
  | TsaErrorCode
  | TslErrorCode
  | VerifyErrorCode
  | X509ErrorCode
  | XadesErrorCode
  | XmlErrorCode;

/** The `{name}` placeholders of a message text. */
type Holes<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;
export type Params = Record<string, string | number>;
/** The keys whose message has no placeholder. */
export type PlainKey = { [K in MessageKey]: [HolesOf<K>] extends [never] ? K : never }[MessageKey];
export type HolesOf<K extends MessageKey> = Holes<(typeof CATALOGUE)[K]['en']>;
/** The parameters a message needs: one per placeholder (more are allowed, e.g. for the error details). */
export type ParamsOf<K extends MessageKey> = { [P in HolesOf<K>]: string | number } & Params;

export function codeOf<K extends MessageKey>(key: K): CodeOf<K> {
  return key.split(':')[0] as CodeOf<K>;
}

/** The message of `key` in `lang` (default: the current language) with its placeholders filled. */
export function catalogueText(key: MessageKey, params: Params = {}, lang: Lang = getLang()): string {
  const msg: Message = CATALOGUE[key];
  return say(msg, params, lang);
}
