/** Error messages of electron/core/cms/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const CMS_MESSAGES = {
  BAD_CERTIFICATE: {
    it: 'Il certificato del firmatario non è leggibile.',
    en: "The signer's certificate cannot be read.",
  },
  NOT_CMS: {
    it: 'Il file non è una firma digitale CMS/PKCS#7 (p7m) leggibile.',
    en: 'The file is not a readable CMS/PKCS#7 (p7m) digital signature.',
  },
  'NOT_CMS:empty': {
    it: 'Il file è vuoto.',
    en: 'The file is empty.',
  },
  TRUNCATED: {
    it: 'Il file della firma è troncato (incompleto).',
    en: 'The signature file is truncated (incomplete).',
  },
  MALFORMED_CMS: {
    it: 'La struttura della firma è danneggiata ({reason}).',
    en: 'The signature structure is damaged ({reason}).',
  },
  UNSUPPORTED_CMS: {
    it: 'Tipo di file firmato non supportato ({reason}).',
    en: 'Unsupported kind of signed file ({reason}).',
  },
  CMS_TOO_LARGE: {
    it: 'Le parti della firma (certificati, firmatari) superano il limite di {mib} MiB.',
    en: 'The signature parts (certificates, signers) exceed the {mib} MiB limit.',
  },
  CMS_COUNTER_SIGNATURES_TOO_DEEP: {
    it: 'Controfirme annidate oltre {n} livelli: la firma non viene verificata.',
    en: 'Counter-signatures nested deeper than {n} levels: the signature is not checked.',
  },
  CMS_NESTING_TOO_DEEP: {
    it: 'La struttura della firma ha più di {n} elementi annidati: non viene letta.',
    en: 'The signature structure nests more than {n} elements: it is not read.',
  },
  PDF_TOO_MANY_SIGNATURES: {
    it: 'Il PDF contiene più di {n} firme: non viene verificato.',
    en: 'The PDF holds more than {n} signatures: it is not checked.',
  },
  TOO_MANY_LEVELS: {
    it: 'Troppi livelli di firma annidati (oltre {n}).',
    en: 'Too many nested signature levels (over {n}).',
  },
  CMS_TOO_MANY_SIGNERS: {
    it: 'La firma contiene più di {n} {what}: non viene verificata.',
    en: 'The signature holds more than {n} {what}: it is not checked.',
  },
  CMS_TOO_MANY_CERTIFICATES: {
    it: 'La firma contiene più di {n} {what}: non viene verificata.',
    en: 'The signature holds more than {n} {what}: it is not checked.',
  },
  CMS_TOO_MANY_CRLS: {
    it: 'La firma contiene più di {n} {what}: non viene verificata.',
    en: 'The signature holds more than {n} {what}: it is not checked.',
  },
  CMS_TOO_MANY_ATTRIBUTES: {
    it: 'La firma contiene più di {n} {what}: non viene verificata.',
    en: 'The signature holds more than {n} {what}: it is not checked.',
  },
  CMS_TOO_MANY_COUNTER_SIGNATURES: {
    it: 'La firma contiene più di {n} {what}: non viene verificata.',
    en: 'The signature holds more than {n} {what}: it is not checked.',
  },
} as const satisfies Record<string, Message>;

export type CmsMessageKey = keyof typeof CMS_MESSAGES;
export type CmsErrorCode = CodeOf<keyof typeof CMS_MESSAGES>;
