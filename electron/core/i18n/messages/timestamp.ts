/** Error messages of electron/core/timestamp/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const TIMESTAMP_MESSAGES = {
  TSD_NO_CONTENT: {
    it: 'Il .tsd non contiene il documento.',
    en: 'The .tsd does not hold the document.',
  },
  'INTEGRITY_FAILED:timestamp': {
    it: 'La marca temporale non corrisponde al contenuto: estrazione annullata.',
    en: 'The timestamp does not match the content: extraction cancelled.',
  },
  TIMESTAMP_DETACHED: {
    it: 'Una marca temporale .tsr è separata dal documento: non c’è nulla da estrarre.',
    en: 'A .tsr timestamp is detached from the document: there is nothing to extract.',
  },
  M7M_MALFORMED: {
    it: 'Il file non è un .m7m valido: {reason}.',
    en: 'The file is not a valid .m7m: {reason}.',
  },
  M7M_NEEDS_P7M: {
    it: 'Il formato m7m è per file già firmati (.p7m): {path} non lo è. Usare il formato tsd.',
    en: 'The m7m format is for signed files (.p7m): {path} is not one. Use the tsd format.',
  },
  TIMESTAMP_NOT_GRANTED: {
    it: 'Il file contiene una risposta negativa del servizio di marca temporale (stato {s}).',
    en: 'The file holds a negative answer from the time-stamping service (status {s}).',
  },
  TSD_MALFORMED: {
    it: 'Il file non è un TimeStampedData (.tsd) valido: {reason}.',
    en: 'The file is not a valid TimeStampedData (.tsd): {reason}.',
  },
  'CONTENT_NOT_FOUND:timestamp': {
    it: 'Marca temporale separata: indicare il file marcato (non trovato accanto a {file}).',
    en: 'Detached timestamp: give the timestamped file (not found beside {file}).',
  },
  'TSD_NO_CONTENT:uri': {
    it: 'Il file .tsd non contiene il documento (solo un riferimento dataUri).',
    en: 'The .tsd file does not hold the document (only a dataUri reference).',
  },
} as const satisfies Record<string, Message>;

export type TimestampErrorCode = CodeOf<keyof typeof TIMESTAMP_MESSAGES>;
