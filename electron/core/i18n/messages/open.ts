/** Error messages of electron/core/open/ (see ../catalogue.ts): opening a verified file's signed document. */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const OPEN_MESSAGES = {
  OPEN_NOT_AVAILABLE: {
    it: 'Per questo file non c’è un documento firmato da aprire ({reason}).',
    en: 'This file has no signed document to open ({reason}).',
  },
  OPEN_FILE_CHANGED: {
    it: 'Il file {path} è cambiato sul disco dopo la verifica: verificalo di nuovo prima di aprirlo.',
    en: 'The file {path} changed on disk after it was verified: verify it again before opening it.',
  },
  OPEN_TOO_LARGE: {
    it: 'Il documento firmato è troppo grande da aprire ({size}; al massimo {max}): estrailo in una cartella.',
    en: 'The signed document is too large to open ({size}; at most {max}): extract it to a folder.',
  },
  OPEN_TEMP_FULL: {
    it: 'La cartella temporanea dei documenti aperti è piena ({used} di {max}): si svuota alla chiusura di Sigillo.',
    en: 'The temporary folder of opened documents is full ({used} of {max}): it is emptied when Sigillo closes.',
  },
  OPEN_TEMP_UNSAFE: {
    it: 'La cartella temporanea {path} non è sicura (collegamento o permessi di altri): il documento non è stato aperto.',
    en: 'The temporary folder {path} is not safe (a link, or open to others): the document was not opened.',
  },
  OPEN_REVISION_MISMATCH: {
    it: 'La revisione estratta ({size} byte) non corrisponde ai byte coperti dalla firma ({end} byte).',
    en: 'The extracted revision ({size} bytes) does not match the bytes the signature covers ({end} bytes).',
  },
  OPEN_VIEWER_FAILED: {
    it: 'Il sistema non ha aperto {name}: {reason}',
    en: 'The system did not open {name}: {reason}',
  },
} as const satisfies Record<string, Message>;

export type OpenErrorCode = CodeOf<keyof typeof OPEN_MESSAGES>;
