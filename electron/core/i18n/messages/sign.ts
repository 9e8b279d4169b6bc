/** Error messages of electron/core/sign/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const SIGN_MESSAGES = {
  'DETACHED_SIGNATURE:sign': {
    it: 'Il file è una firma separata dal documento (senza contenuto): firmare il documento originale, oppure firmare la firma stessa (firma annidata).',
    en: 'The file is a detached signature (no content inside): sign the original document, or sign the signature itself (nested signature).',
  },
  SIGNATURE_TOO_LARGE: {
    it: 'La firma non entra nello spazio riservato nel PDF.',
    en: 'The signature does not fit the space reserved in the PDF.',
  },
  'OUTPUT_EXISTS:no_free_name': {
    it: 'Nessun nome libero per {path}.',
    en: 'No free name for {path}.',
  },
  LEVEL_UNSUPPORTED: {
    it: 'Livelli disponibili: B e T per XAdES, B e T per le controfirme, fino a LT per le firme separate (.p7s), fino a LTA per .p7m e PDF.',
    en: 'Levels available: B and T for XAdES, B and T for counter-signatures, up to LT for detached signatures (.p7s), up to LTA for .p7m and PDF.',
  },
  SIGN_OPTIONS_CONFLICT: {
    it: 'La firma separata (.p7s) è CAdES: non vale per PAdES o XAdES.',
    en: 'A detached signature (.p7s) is CAdES: it does not apply to PAdES or XAdES.',
  },
  'SIGN_OPTIONS_CONFLICT:nest': {
    it: 'La firma separata (.p7s) non si combina con controfirma o firma annidata.',
    en: 'A detached signature (.p7s) does not go with counter-signing or nesting.',
  },
} as const satisfies Record<string, Message>;

export type SignMessageKey = keyof typeof SIGN_MESSAGES;
export type SignErrorCode = CodeOf<keyof typeof SIGN_MESSAGES>;
