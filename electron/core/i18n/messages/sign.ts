/** Error messages of electron/core/sign/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const SIGN_MESSAGES = {
  'DETACHED_SIGNATURE:sign': {
    it: 'Il file è una firma separata dal documento (senza contenuto): firmare il documento originale.',
    en: 'The file is a detached signature (no content inside): sign the original document.',
  },
} as const satisfies Record<string, Message>;

export type SignMessageKey = keyof typeof SIGN_MESSAGES;
export type SignErrorCode = CodeOf<keyof typeof SIGN_MESSAGES>;
