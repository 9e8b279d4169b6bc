/** Error messages of electron/core/files/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const FILES_MESSAGES = {
  OUTPUT_EXISTS: {
    it: 'Il file {path} esiste già: non lo sovrascrivo.',
    en: 'The file {path} already exists: not overwriting it.',
  },
  OUTPUT_DIR_NOT_FOUND: {
    it: 'La cartella {dir} non esiste.',
    en: 'The folder {dir} does not exist.',
  },
  OUTPUT_IS_DIRECTORY: {
    it: '{path} è una cartella.',
    en: '{path} is a folder.',
  },
  OUTPUT_IS_SYMLINK: {
    it: '{path} è un collegamento simbolico: non scrivo attraverso un collegamento.',
    en: '{path} is a symbolic link: not writing through a link.',
  },
  OUTPUT_IS_INPUT: {
    it: 'L’uscita {path} è il file di ingresso stesso: non lo sostituisco: scegliere un’altra cartella di uscita.',
    en: 'The output {path} is the input file itself: not replacing it: choose another output folder.',
  },
  INPUT_NOT_FOUND: {
    it: 'Il file {path} non esiste.',
    en: 'The file {path} does not exist.',
  },
  INPUT_IS_DIRECTORY: {
    it: '{path} è una cartella, non un file.',
    en: '{path} is a folder, not a file.',
  },
  PERMISSION_DENIED: {
    it: 'Permesso negato: {path}.',
    en: 'Permission denied: {path}.',
  },
  READ_ONLY: {
    it: 'Impossibile scrivere {path}: il disco o la cartella è in sola lettura.',
    en: 'Cannot write {path}: the disk or folder is read-only.',
  },
  DISK_FULL: {
    it: 'Spazio su disco esaurito scrivendo {path}.',
    en: 'The disk is full writing {path}.',
  },
  IO_ERROR: {
    it: 'Errore di lettura/scrittura su {path}: {code}.',
    en: 'Read/write error on {path}: {code}.',
  },
  INPUT_NOT_REGULAR: {
    it: '{path} non è un file normale (pipe, dispositivo o socket): non lo leggo.',
    en: '{path} is not a regular file (a pipe, device or socket): not reading it.',
  },
  INPUT_CHANGED: {
    it: 'Il file è cambiato durante l’operazione: riprovare.',
    en: 'The file changed during the operation: try again.',
  },
  'ZIP_UNSAFE_PATH:name': {
    it: 'Percorso non sicuro: {name}',
    en: 'Unsafe path: {name}',
  },
  'CANCELLED:short': {
    it: 'Annullato.',
    en: 'Cancelled.',
  },
} as const satisfies Record<string, Message>;

export type FilesMessageKey = keyof typeof FILES_MESSAGES;
export type FilesErrorCode = CodeOf<keyof typeof FILES_MESSAGES>;
