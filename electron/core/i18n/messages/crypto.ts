/** Error messages of electron/core/crypto/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const CRYPTO_MESSAGES = {
  KEY_FILE_UNREADABLE: {
    it: 'Impossibile leggere il file {path}.',
    en: 'Cannot read the file {path}.',
  },
  NOT_A_CERTIFICATE: {
    it: 'Nessun certificato in {path}.',
    en: 'No certificate in {path}.',
  },
  UNSUPPORTED_KEY: {
    it: 'Tipo di chiave non supportato: {type}.',
    en: 'Unsupported key type: {type}.',
  },
} as const satisfies Record<string, Message>;

export type CryptoErrorCode = CodeOf<keyof typeof CRYPTO_MESSAGES>;
