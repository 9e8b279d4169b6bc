/** Error messages of electron/core/renewal/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const RENEWAL_MESSAGES = {
  REMINDERS_FILE_INVALID: {
    it: 'Il file dei promemoria {path} non è leggibile: spostarlo o eliminarlo per ricominciare.',
    en: 'The reminders file {path} cannot be read: move or delete it to start over.',
  },
  BAD_DATE: {
    it: 'Data non valida: {d} (formato AAAA-MM-GG).',
    en: 'Invalid date: {d} (format YYYY-MM-DD).',
  },
} as const satisfies Record<string, Message>;

export type RenewalErrorCode = CodeOf<keyof typeof RENEWAL_MESSAGES>;
