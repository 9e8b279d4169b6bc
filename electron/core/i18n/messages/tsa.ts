/** Error messages of electron/core/tsa/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const TSA_MESSAGES = {
  TIMESTAMP_MALFORMED: {
    it: 'Marca temporale non leggibile ({reason}).',
    en: 'Unreadable timestamp ({reason}).',
  },
  TSA_URL_MISSING: {
    it: 'Nessun servizio di marca temporale indicato: serve l’indirizzo di un servizio (TSA).',
    en: 'No time-stamping service given: the address of a service (TSA) is needed.',
  },
  TSA_URL_INVALID: {
    it: 'Indirizzo del servizio di marca temporale non valido: {url} (serve http:// o https://).',
    en: 'Invalid time-stamping service address: {url} (http:// or https:// needed).',
  },
  TSA_UNREACHABLE: {
    it: 'Il servizio di marca temporale {host} non è raggiungibile ({reason}).',
    en: 'The time-stamping service {host} cannot be reached ({reason}).',
  },
  TSA_TIMEOUT: {
    it: 'Il servizio di marca temporale {host} non ha risposto entro {seconds} secondi.',
    en: 'The time-stamping service {host} did not answer within {seconds} seconds.',
  },
  TSA_HTTP_ERROR: {
    it: 'Il servizio di marca temporale {host} ha risposto con un errore (HTTP {status}).',
    en: 'The time-stamping service {host} answered with an error (HTTP {status}).',
  },
  TSA_AUTH_FAILED: {
    it: 'Il servizio di marca temporale {host} ha rifiutato le credenziali (HTTP {status}): controllare SIGILLO_TSA_USER e SIGILLO_TSA_PASSWORD.',
    en: 'The time-stamping service {host} refused the credentials (HTTP {status}): check SIGILLO_TSA_USER and SIGILLO_TSA_PASSWORD.',
  },
  TSA_REJECTED: {
    it: 'Il servizio di marca temporale ha rifiutato la richiesta (stato {status}{text}).',
    en: 'The time-stamping service rejected the request (status {status}{text}).',
  },
  TSA_BAD_RESPONSE: {
    it: 'La risposta del servizio di marca temporale non è valida: {reason}.',
    en: 'The time-stamping service answer is not valid: {reason}.',
  },
  TSA_MISMATCH: {
    it: 'La marca temporale ricevuta non corrisponde alla richiesta ({what}).',
    en: 'The timestamp received does not match the request ({what}).',
  },
  TSA_NOT_TIMESTAMPING: {
    it: 'Il certificato del servizio di marca temporale non è abilitato alle marche temporali (extendedKeyUsage timeStamping).',
    en: 'The time-stamping service certificate is not meant for timestamps (extendedKeyUsage timeStamping).',
  },
  TSA_SIGNATURE_INVALID: {
    it: 'La firma della marca temporale ricevuta non è valida.',
    en: 'The signature of the timestamp received is not valid.',
  },
} as const satisfies Record<string, Message>;

export type TsaErrorCode = CodeOf<keyof typeof TSA_MESSAGES>;
