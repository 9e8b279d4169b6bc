/** Error messages of electron/core/asic/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const ASIC_MESSAGES = {
  ASIC_NO_SIGNATURE: {
    it: 'Il file ZIP non è un contenitore ASiC firmato (nessuna firma in META-INF/).',
    en: 'The ZIP file is not a signed ASiC container (no signature in META-INF/).',
  },
  'INTEGRITY_FAILED:asic': {
    it: 'Le firme del contenitore non sono integre: estrazione annullata.',
    en: 'The container signatures are not intact: extraction cancelled.',
  },
  ZIP_DUPLICATE_NAME: {
    it: 'Contenitore ZIP non valido: {reason}',
    en: 'Invalid ZIP container: {reason}',
  },
  ZIP_ENCRYPTED: {
    it: 'Contenitore ZIP non valido: {reason}',
    en: 'Invalid ZIP container: {reason}',
  },
  ZIP_MALFORMED: {
    it: 'Contenitore ZIP non valido: {reason}',
    en: 'Invalid ZIP container: {reason}',
  },
  ZIP_SYMLINK_ENTRY: {
    it: 'Contenitore ZIP non valido: {reason}',
    en: 'Invalid ZIP container: {reason}',
  },
  ZIP_TOO_LARGE: {
    it: 'Contenitore ZIP non valido: {reason}',
    en: 'Invalid ZIP container: {reason}',
  },
  ZIP_TOO_MANY_ENTRIES: {
    it: 'Contenitore ZIP non valido: {reason}',
    en: 'Invalid ZIP container: {reason}',
  },
  ZIP_TRUNCATED: {
    it: 'Contenitore ZIP non valido: {reason}',
    en: 'Invalid ZIP container: {reason}',
  },
  ZIP_UNSAFE_PATH: {
    it: 'Contenitore ZIP non valido: {reason}',
    en: 'Invalid ZIP container: {reason}',
  },
  ZIP_UNSUPPORTED: {
    it: 'Contenitore ZIP non valido: {reason}',
    en: 'Invalid ZIP container: {reason}',
  },
} as const satisfies Record<string, Message>;

export type AsicMessageKey = keyof typeof ASIC_MESSAGES;
export type AsicErrorCode = CodeOf<keyof typeof ASIC_MESSAGES>;
