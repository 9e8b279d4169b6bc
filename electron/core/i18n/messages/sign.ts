/** Error messages of electron/core/sign/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const SIGN_MESSAGES = {
  'DETACHED_SIGNATURE:sign': {
    it: 'Il file è una firma separata dal documento (senza contenuto): firmare il documento originale.',
    en: 'The file is a detached signature (no content inside): sign the original document.',
  },
  SIGNATURE_TOO_LARGE: {
    it: 'La firma non entra nello spazio riservato nel PDF.',
    en: 'The signature does not fit the space reserved in the PDF.',
  },
} as const satisfies Record<string, Message>;

export type SignErrorCode = CodeOf<keyof typeof SIGN_MESSAGES>;
