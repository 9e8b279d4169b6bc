/** Error messages of electron/core/pkcs11/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const PKCS11_MESSAGES = {
  MODULE_NOT_FOUND: {
    it: 'Il modulo PKCS#11 indicato ({source}) non esiste o non è un file: {path}',
    en: 'The PKCS#11 module given ({source}) does not exist or is not a file: {path}',
  },
  'MODULE_NOT_FOUND:explicit': {
    it: 'Il modulo PKCS#11 indicato non esiste o non è un file: {path}',
    en: 'The PKCS#11 module given does not exist or is not a file: {path}',
  },
  'MODULE_NOT_FOUND:none': {
    it: 'Nessun modulo PKCS#11 (middleware della CNS) trovato. Percorsi provati:\n{paths}\nInstallare il software della carta (ad es. il pacchetto opensc) oppure indicare il percorso del modulo PKCS#11.',
    en: 'No PKCS#11 module (CNS middleware) found. Paths tried:\n{paths}\nInstall the card software (e.g. the opensc package) or give the path of the PKCS#11 module.',
  },
  MODULE_LOAD_FAILED: {
    it: 'Il modulo PKCS#11 {path} non si carica: {reason}',
    en: 'The PKCS#11 module {path} cannot be loaded: {reason}',
  },
  PUK_LOCKED: {
    it: 'Il PUK è bloccato: questo dispositivo non può più essere usato per firmare. Chiedere subito la revoca dei certificati all’ente che l’ha emesso (ad es. la Camera di Commercio) e richiedere un nuovo dispositivo.',
    en: 'The PUK is blocked: this device can no longer be used to sign. Ask the issuer (e.g. the Chamber of Commerce) to revoke its certificates first, then request a new device.',
  },
  PIN_UNCHANGED: {
    it: 'Il nuovo PIN è uguale a quello attuale.',
    en: 'The new PIN is the same as the current one.',
  },
  PKCS11_ERROR: {
    it: 'Errore del dispositivo ({ckr}) durante {op}.',
    en: 'Device error ({ckr}) during {op}.',
  },
  'SESSION_CLOSED:module': {
    it: 'Il modulo PKCS#11 è già stato chiuso.',
    en: 'The PKCS#11 module was already closed.',
  },
  'SESSION_CLOSED:session': {
    it: 'La sessione con la carta è chiusa.',
    en: 'The session with the card is closed.',
  },
  KEY_NOT_FOUND: {
    it: 'La chiave privata del certificato {id} non è sul dispositivo.',
    en: 'The private key of certificate {id} is not on the device.',
  },
  TOKEN_NOT_FOUND: {
    it: 'Nessuna carta o token trovato. Inserire la CNS nel lettore (o collegare il token USB) e riprovare.',
    en: 'No card or token found. Insert the CNS in the reader (or plug in the USB token) and retry.',
  },
  TOKEN_AMBIGUOUS: {
    it: 'Ci sono {n} dispositivi: sceglierne uno. Etichette: {labels}',
    en: 'There are {n} devices: choose one. Labels: {labels}',
  },
  'TOKEN_AMBIGUOUS:label': {
    it: 'Più dispositivi hanno l’etichetta "{label}": indicarne il numero di serie. Numeri di serie: {serials}',
    en: 'Several devices are labelled "{label}": give its serial number. Serial numbers: {serials}',
  },
  'TOKEN_NOT_FOUND:label': {
    it: 'Nessun dispositivo con etichetta "{label}". Dispositivi presenti: {labels}',
    en: 'No device labelled "{label}". Devices present: {labels}',
  },
  CERT_NOT_FOUND: {
    it: 'Nessun certificato con chiave privata ha ID {id} sul dispositivo "{token}". Certificati: {ids}',
    en: 'No certificate with a private key has ID {id} on device "{token}". Certificates: {ids}',
  },
  NO_SIGNATURE_CERT: {
    it: 'Il dispositivo "{token}" non ha un certificato di firma (nonRepudiation). Per usare un altro certificato sceglierlo esplicitamente. Certificati: {ids}',
    en: 'Device "{token}" has no signature (nonRepudiation) certificate. To use another certificate choose it explicitly. Certificates: {ids}',
  },
  CERT_AMBIGUOUS: {
    it: 'Il dispositivo "{token}" ha più certificati di firma: sceglierne uno. Certificati: {ids}',
    en: 'Device "{token}" has several signature certificates: choose one. Certificates: {ids}',
  },
  'MECHANISM_UNSUPPORTED:key': {
    it: 'La carta non supporta l’algoritmo di firma necessario per questa chiave.',
    en: 'The card does not support the signature algorithm this key needs.',
  },
  PIN_INCORRECT: {
    it: 'PIN errato.',
    en: 'Wrong PIN.',
  },
  PIN_INVALID: {
    it: 'Il PIN contiene caratteri non ammessi.',
    en: 'The PIN contains characters that are not allowed.',
  },
  PIN_LEN_RANGE: {
    it: 'Il PIN non ha la lunghezza ammessa.',
    en: 'The PIN does not have an allowed length.',
  },
  PIN_EXPIRED: {
    it: 'Il PIN è scaduto: cambiarlo (sigillo pin change).',
    en: 'The PIN has expired: change it (sigillo pin change).',
  },
  PIN_LOCKED: {
    it: 'Il PIN è bloccato dopo troppi tentativi errati. Sbloccarlo con il PUK (sigillo pin unblock), che si trova nella busta consegnata con la carta.',
    en: 'The PIN is blocked after too many wrong attempts. Unblock it with the PUK (sigillo pin unblock), found in the envelope delivered with the card.',
  },
  PIN_NOT_INITIALIZED: {
    it: 'Il PIN del dispositivo non è stato impostato.',
    en: 'The device PIN has not been set.',
  },
  TOKEN_REMOVED: {
    it: 'La carta o il token è stato rimosso. Reinserirlo e riprovare.',
    en: 'The card or token was removed. Insert it again and retry.',
  },
  DEVICE_REMOVED: {
    it: 'La carta o il token è stato rimosso. Reinserirlo e riprovare.',
    en: 'The card or token was removed. Insert it again and retry.',
  },
  TOKEN_NOT_RECOGNIZED: {
    it: 'La carta non è riconosciuta da questo modulo PKCS#11: serve il middleware del produttore.',
    en: "The card is not recognised by this PKCS#11 module: the vendor's middleware is needed.",
  },
  DEVICE_ERROR: {
    it: 'Errore del lettore o della carta. Reinserirla e riprovare.',
    en: 'Reader or card error. Insert the card again and retry.',
  },
  'DEVICE_ERROR:memory': {
    it: 'Memoria della carta insufficiente.',
    en: 'The card is out of memory.',
  },
  SESSION_CLOSED: {
    it: 'La sessione con la carta è stata chiusa. Riprovare.',
    en: 'The session with the card was closed. Retry.',
  },
  'SESSION_CLOSED:handle': {
    it: 'La sessione con la carta non è più valida. Riprovare.',
    en: 'The session with the card is no longer valid. Retry.',
  },
  NOT_LOGGED_IN: {
    it: 'Serve il PIN per usare questa chiave.',
    en: 'The PIN is needed to use this key.',
  },
  CANCELLED: {
    it: 'Operazione annullata.',
    en: 'Operation cancelled.',
  },
  MECHANISM_UNSUPPORTED: {
    it: 'La carta non supporta questo algoritmo di firma.',
    en: 'The card does not support this signature algorithm.',
  },
  'MECHANISM_UNSUPPORTED:key_type': {
    it: 'La chiave non supporta questo algoritmo di firma.',
    en: 'The key does not support this signature algorithm.',
  },
  KEY_NOT_PERMITTED: {
    it: 'La chiave non può essere usata per firmare.',
    en: 'The key may not be used for signing.',
  },
  PIN_FORMAT: {
    it: 'Il nuovo PIN deve essere di {range} cifre (solo numeri).',
    en: 'The new PIN must be {range} digits (numbers only).',
  },
  'PIN_FORMAT:chars': {
    it: 'Il nuovo PIN deve essere di {range} caratteri.',
    en: 'The new PIN must be {range} characters.',
  },
  PUK_INCORRECT: {
    it: 'PUK errato.',
    en: 'Wrong PUK.',
  },
} as const satisfies Record<string, Message>;

export type Pkcs11MessageKey = keyof typeof PKCS11_MESSAGES;
export type Pkcs11ErrorCode = CodeOf<keyof typeof PKCS11_MESSAGES>;
