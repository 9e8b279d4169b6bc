/** Error messages of electron/core/verify/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const VERIFY_MESSAGES = {
  CONTENT_NOT_FOUND: {
    it: 'Firma separata (detached): indicare il file firmato (non trovato accanto a {file}).',
    en: 'Detached signature: give the signed file (not found beside {file}).',
  },
  CONTENT_NOT_DETACHED: {
    it: 'La firma contiene già il proprio documento: {file} non è il documento firmato.',
    en: 'The signature holds its own document: {file} is not the signed document.',
  },
  DETACHED_SIGNATURE: {
    it: 'La firma è separata (detached): il file non contiene il documento da estrarre.',
    en: 'The signature is detached: the file does not contain the document to extract.',
  },
  INTEGRITY_FAILED: {
    it: 'La firma di livello {depth} non è integra: estrazione annullata.',
    en: 'The level {depth} signature is not intact: extraction cancelled.',
  },
} as const satisfies Record<string, Message>;

export type VerifyErrorCode = CodeOf<keyof typeof VERIFY_MESSAGES>;
