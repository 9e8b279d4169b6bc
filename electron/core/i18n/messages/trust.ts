/** Error messages of electron/core/trust/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const TRUST_MESSAGES = {
  TRUST_FILE_UNREADABLE: {
    it: 'Il file di certificati fidati {file} non contiene certificati leggibili (PEM o DER).',
    en: 'The trusted-certificates file {file} holds no readable certificate (PEM or DER).',
  },
} as const satisfies Record<string, Message>;

export type TrustErrorCode = CodeOf<keyof typeof TRUST_MESSAGES>;
