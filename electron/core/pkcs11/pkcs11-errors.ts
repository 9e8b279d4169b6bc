/** CKR_* results from the PKCS#11 module → SigilloError with a stable code and a plain bilingual message. */
import { SigilloError } from '../errors';
import { t, type Message } from '../i18n/translate';

interface Mapped {
  code: string;
  message: Message;
}

const REMOVED: Message = {
  it: 'La carta o il token è stato rimosso. Reinserirlo e riprovare.',
  en: 'The card or token was removed. Insert it again and retry.',
};

const BY_CKR: Record<string, Mapped> = {
  CKR_PIN_INCORRECT: { code: 'PIN_INCORRECT', message: { it: 'PIN errato.', en: 'Wrong PIN.' } },
  CKR_PIN_INVALID: {
    code: 'PIN_INVALID',
    message: {
      it: 'Il PIN contiene caratteri non ammessi.',
      en: 'The PIN contains characters that are not allowed.',
    },
  },
  CKR_PIN_LEN_RANGE: {
    code: 'PIN_LEN_RANGE',
    message: { it: 'Il PIN non ha la lunghezza ammessa.', en: 'The PIN does not have an allowed length.' },
  },
  CKR_PIN_EXPIRED: {
    code: 'PIN_EXPIRED',
    message: {
      it: 'Il PIN è scaduto: cambiarlo (sigillo pin change).',
      en: 'The PIN has expired: change it (sigillo pin change).',
    },
  },
  CKR_PIN_LOCKED: {
    code: 'PIN_LOCKED',
    message: {
      it: 'Il PIN è bloccato dopo troppi tentativi errati. Sbloccarlo con il PUK (sigillo pin unblock), che si trova nella busta consegnata con la carta.',
      en: 'The PIN is blocked after too many wrong attempts. Unblock it with the PUK (sigillo pin unblock), found in the envelope delivered with the card.',
    },
  },
  CKR_USER_PIN_NOT_INITIALIZED: {
    code: 'PIN_NOT_INITIALIZED',
    message: { it: 'Il PIN del dispositivo non è stato impostato.', en: 'The device PIN has not been set.' },
  },
  CKR_TOKEN_NOT_PRESENT: { code: 'TOKEN_REMOVED', message: REMOVED },
  CKR_DEVICE_REMOVED: { code: 'DEVICE_REMOVED', message: REMOVED },
  CKR_TOKEN_NOT_RECOGNIZED: {
    code: 'TOKEN_NOT_RECOGNIZED',
    message: {
      it: 'La carta non è riconosciuta da questo modulo PKCS#11: serve il middleware del produttore.',
      en: "The card is not recognised by this PKCS#11 module: the vendor's middleware is needed.",
    },
  },
  CKR_DEVICE_ERROR: {
    code: 'DEVICE_ERROR',
    message: {
      it: 'Errore del lettore o della carta. Reinserirla e riprovare.',
      en: 'Reader or card error. Insert the card again and retry.',
    },
  },
  CKR_DEVICE_MEMORY: {
    code: 'DEVICE_ERROR',
    message: { it: 'Memoria della carta insufficiente.', en: 'The card is out of memory.' },
  },
  CKR_SESSION_CLOSED: {
    code: 'SESSION_CLOSED',
    message: {
      it: 'La sessione con la carta è stata chiusa. Riprovare.',
      en: 'The session with the card was closed. Retry.',
    },
  },
  CKR_SESSION_HANDLE_INVALID: {
    code: 'SESSION_CLOSED',
    message: {
      it: 'La sessione con la carta non è più valida. Riprovare.',
      en: 'The session with the card is no longer valid. Retry.',
    },
  },
  CKR_USER_NOT_LOGGED_IN: {
    code: 'NOT_LOGGED_IN',
    message: { it: 'Serve il PIN per usare questa chiave.', en: 'The PIN is needed to use this key.' },
  },
  CKR_FUNCTION_CANCELED: {
    code: 'CANCELLED',
    message: { it: 'Operazione annullata.', en: 'Operation cancelled.' },
  },
  CKR_MECHANISM_INVALID: {
    code: 'MECHANISM_UNSUPPORTED',
    message: {
      it: 'La carta non supporta questo algoritmo di firma.',
      en: 'The card does not support this signature algorithm.',
    },
  },
  CKR_KEY_TYPE_INCONSISTENT: {
    code: 'MECHANISM_UNSUPPORTED',
    message: {
      it: 'La chiave non supporta questo algoritmo di firma.',
      en: 'The key does not support this signature algorithm.',
    },
  },
  CKR_KEY_FUNCTION_NOT_PERMITTED: {
    code: 'KEY_NOT_PERMITTED',
    message: {
      it: 'La chiave non può essere usata per firmare.',
      en: 'The key may not be used for signing.',
    },
  },
};

const GENERIC: Message = {
  it: 'Errore del dispositivo ({ckr}) durante {op}.',
  en: 'Device error ({ckr}) during {op}.',
};

/** The CKR_* name of a pkcs11js error, or undefined when `e` is not one. */
export function ckrName(e: unknown): string | undefined {
  const msg = e instanceof Error ? e.message : '';
  return /\b(CKR_[A-Z0-9_]+)/.exec(msg)?.[1];
}

/**
 * Maps anything a PKCS#11 call threw to a SigilloError; SigilloErrors pass through. `op` names the operation for
 * the generic message (e.g. 'C_Login').
 */
export function pkcs11Error(e: unknown, op: string, details: Record<string, unknown> = {}): SigilloError {
  if (e instanceof SigilloError) return e;
  const ckr = ckrName(e);
  const mapped = ckr ? BY_CKR[ckr] : undefined;
  if (mapped) return new SigilloError(mapped.code, t(mapped.message), { ckr, ...details });
  const reason = ckr ?? (e instanceof Error ? e.message : String(e));
  return new SigilloError('PKCS11_ERROR', t(GENERIC, { ckr: reason, op }), { ckr: reason, op, ...details });
}

/** Runs a PKCS#11 call and maps its failure. */
export function guard<T>(op: string, fn: () => T, details?: Record<string, unknown>): T {
  try {
    return fn();
  } catch (e) {
    throw pkcs11Error(e, op, details);
  }
}
