/** Error messages of electron/core/ltv/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const LTV_MESSAGES = {
  LT_REVOCATION_UNAVAILABLE: {
    it: 'Impossibile scaricare la lista di revoca di {name} ({url}): il livello LT richiede i dati di revoca.',
    en: 'Could not download the revocation list of {name} ({url}): level LT needs the revocation data.',
  },
  LTA_CONTENT_UNAVAILABLE: {
    it: 'Il livello LTA richiede il contenuto firmato (firma con contenuto incluso).',
    en: 'Level LTA needs the signed content (a signature with the content attached).',
  },
  COUNTERSIGN_NEEDS_P7M: {
    it: 'La controfirma si applica a un file firmato (.p7m): {path} non lo è.',
    en: 'A counter-signature applies to a signed file (.p7m): {path} is not one.',
  },
  SIGNER_NOT_FOUND: {
    it: 'Il file ha {count} firme: la firma {n} non esiste (scegliere da 1 a {count}).',
    en: 'The file has {count} signatures: signature {n} does not exist (choose 1 to {count}).',
  },
  EXTEND_UNSUPPORTED: {
    it: '{path}: extend tratta le firme CAdES (.p7m/.p7s, livelli T, LT e LTA) e i PDF firmati (livelli LT e LTA).',
    en: '{path}: extend handles CAdES signatures (.p7m/.p7s, levels T, LT and LTA) and signed PDFs (levels LT and LTA).',
  },
} as const satisfies Record<string, Message>;

export type LtvErrorCode = CodeOf<keyof typeof LTV_MESSAGES>;
