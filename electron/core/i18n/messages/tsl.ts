/** Error messages of electron/core/tsl/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const TSL_MESSAGES = {
  LOTL_TRUST_CORRUPT: {
    it: 'Il file dei certificati della Gazzetta ufficiale (lotl-signers.json) è danneggiato: il certificato {number} non corrisponde alla sua impronta SHA-256.',
    en: 'The Official Journal certificate file (lotl-signers.json) is damaged: certificate {number} does not match its SHA-256 fingerprint.',
  },
  LOTL_TRUST_UNREADABLE: {
    it: 'SIGILLO_LOTL_TRUST: il file {file} non contiene certificati leggibili (PEM).',
    en: 'SIGILLO_LOTL_TRUST: the file {file} holds no readable certificate (PEM).',
  },
  LOTL_TRUST_MISSING: {
    it: 'Nessun certificato per verificare la lista europea (LOTL): indicare in SIGILLO_LOTL_TRUST un file PEM con i certificati pubblicati nella Gazzetta ufficiale dell’UE.',
    en: 'No certificate to verify the EU list of trusted lists (LOTL): set SIGILLO_LOTL_TRUST to a PEM file with the certificates published in the Official Journal of the EU.',
  },
  TSL_DOWNLOAD_FAILED: {
    it: 'Impossibile scaricare {url}: {reason}',
    en: 'Cannot download {url}: {reason}',
  },
  TSL_ROLLBACK: {
    it: 'La lista {territory} scaricata ha numero {got}, più vecchio di quella già salvata ({have}): ignorata.',
    en: 'The downloaded {territory} list has number {got}, older than the saved one ({have}): ignored.',
  },
  TSL_TERRITORY_MISMATCH: {
    it: 'La lista scaricata da {url} è di {got}, non di {want}.',
    en: 'The list downloaded from {url} is for {got}, not {want}.',
  },
  TSL_MALFORMED: {
    it: 'Il documento XML non è leggibile: {reason}',
    en: 'The XML document cannot be read: {reason}',
  },
  TSL_SIGNATURE_INVALID: {
    it: 'La firma del documento {what} non è valida: {reason}',
    en: 'The signature of {what} is not valid: {reason}',
  },
} as const satisfies Record<string, Message>;

export type TslErrorCode = CodeOf<keyof typeof TSL_MESSAGES>;
