/** CKR_* results from the PKCS#11 module → SigilloError with a stable code and a plain bilingual message. */
import { SigilloError, failure } from '../errors';
import type { PlainKey } from '../i18n/catalogue';
import type { Pkcs11MessageKey } from '../i18n/messages/pkcs11';

/** CKR_* name → catalogue key (i18n/messages/pkcs11.ts) */
const BY_CKR: Readonly<Record<string, Pkcs11MessageKey & PlainKey>> = {
  CKR_PIN_INCORRECT: 'PIN_INCORRECT',
  CKR_PIN_INVALID: 'PIN_INVALID',
  CKR_PIN_LEN_RANGE: 'PIN_LEN_RANGE',
  CKR_PIN_EXPIRED: 'PIN_EXPIRED',
  CKR_PIN_LOCKED: 'PIN_LOCKED',
  CKR_USER_PIN_NOT_INITIALIZED: 'PIN_NOT_INITIALIZED',
  CKR_TOKEN_NOT_PRESENT: 'TOKEN_REMOVED',
  CKR_DEVICE_REMOVED: 'DEVICE_REMOVED',
  CKR_TOKEN_NOT_RECOGNIZED: 'TOKEN_NOT_RECOGNIZED',
  CKR_DEVICE_ERROR: 'DEVICE_ERROR',
  CKR_DEVICE_MEMORY: 'DEVICE_ERROR:memory',
  CKR_SESSION_CLOSED: 'SESSION_CLOSED',
  CKR_SESSION_HANDLE_INVALID: 'SESSION_CLOSED:handle',
  CKR_USER_NOT_LOGGED_IN: 'NOT_LOGGED_IN',
  CKR_FUNCTION_CANCELED: 'CANCELLED',
  CKR_MECHANISM_INVALID: 'MECHANISM_UNSUPPORTED',
  CKR_KEY_TYPE_INCONSISTENT: 'MECHANISM_UNSUPPORTED:key_type',
  CKR_KEY_FUNCTION_NOT_PERMITTED: 'KEY_NOT_PERMITTED',
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
  if (mapped) return failure(mapped, undefined, { ckr, ...details });
  const reason = ckr ?? (e instanceof Error ? e.message : String(e));
  return failure('PKCS11_ERROR', { ckr: reason, op }, { ckr: reason, op, ...details });
}

/** Runs a PKCS#11 call and maps its failure. */
export function guard<T>(op: string, fn: () => T, details?: Record<string, unknown>): T {
  try {
    return fn();
  } catch (e) {
    throw pkcs11Error(e, op, details);
  }
}
