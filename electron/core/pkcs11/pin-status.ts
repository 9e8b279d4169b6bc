/** PIN status from the CK_TOKEN_INFO flags, and the plain-words warnings shown before / after a PIN entry. */
import { t } from '../i18n/translate';
import type { PinStatus } from './token-types';

export const CKF = {
  LOGIN_REQUIRED: 0x4,
  USER_PIN_INITIALIZED: 0x8,
  PROTECTED_AUTHENTICATION_PATH: 0x100,
  TOKEN_INITIALIZED: 0x400,
  USER_PIN_COUNT_LOW: 0x10000,
  USER_PIN_FINAL_TRY: 0x20000,
  USER_PIN_LOCKED: 0x40000,
  USER_PIN_TO_BE_CHANGED: 0x80000,
  SO_PIN_COUNT_LOW: 0x100000,
  SO_PIN_FINAL_TRY: 0x200000,
  SO_PIN_LOCKED: 0x400000,
  SO_PIN_TO_BE_CHANGED: 0x800000,
} as const;

const has = (flags: number, bit: number) => (flags & bit) !== 0;

export function userPinStatus(flags: number): PinStatus {
  return {
    countLow: has(flags, CKF.USER_PIN_COUNT_LOW),
    finalTry: has(flags, CKF.USER_PIN_FINAL_TRY),
    locked: has(flags, CKF.USER_PIN_LOCKED),
    toBeChanged: has(flags, CKF.USER_PIN_TO_BE_CHANGED),
    initialized: has(flags, CKF.USER_PIN_INITIALIZED),
  };
}

export function soPinStatus(flags: number): PinStatus {
  return {
    countLow: has(flags, CKF.SO_PIN_COUNT_LOW),
    finalTry: has(flags, CKF.SO_PIN_FINAL_TRY),
    locked: has(flags, CKF.SO_PIN_LOCKED),
    toBeChanged: has(flags, CKF.SO_PIN_TO_BE_CHANGED),
    initialized: has(flags, CKF.TOKEN_INITIALIZED),
  };
}

/** What the token lets us say about the tries left: 'last' (final try), 'few' (count low) or 'unknown'. */
export type TriesLeft = 'last' | 'few' | 'unknown' | 'none';

export function triesLeft(status: PinStatus): TriesLeft {
  if (status.locked) return 'none';
  if (status.finalTry) return 'last';
  if (status.countLow) return 'few';
  return 'unknown';
}

export const PIN_MESSAGES = {
  finalTry: {
    it: 'Attenzione: ultimo tentativo prima del blocco.',
    en: 'Warning: last attempt before the PIN is blocked.',
  },
  countLow: {
    it: 'Attenzione: il PIN è già stato sbagliato, restano pochi tentativi.',
    en: 'Warning: the PIN was already entered wrong, few attempts are left.',
  },
  /** after a wrong PIN (the flags now say count low): no "already entered", it may have been the first */
  fewLeft: {
    it: 'Restano pochi tentativi prima del blocco.',
    en: 'Few attempts are left before the PIN is blocked.',
  },
  locked: {
    it: 'Il PIN è bloccato: sbloccalo con il PUK (sigillo pin unblock).',
    en: 'The PIN is blocked: unblock it with the PUK (sigillo pin unblock).',
  },
  toBeChanged: {
    it: 'Il PIN deve essere cambiato prima dell’uso (sigillo pin change).',
    en: 'The PIN must be changed before use (sigillo pin change).',
  },
} as const;

/** A warning to show before asking for the user PIN, or undefined when there is nothing to say. */
export function pinWarning(status: PinStatus): string | undefined {
  if (status.locked) return t(PIN_MESSAGES.locked);
  if (status.finalTry) return t(PIN_MESSAGES.finalTry);
  if (status.countLow) return t(PIN_MESSAGES.countLow);
  if (status.toBeChanged) return t(PIN_MESSAGES.toBeChanged);
  return undefined;
}

/**
 * The sentence added to "PIN errato." after a wrong PIN, from what the token now says about the tries left
 * (the same words in the CLI and the app; empty when the token does not say).
 */
export function wrongPinHint(left: TriesLeft): string {
  if (left === 'last') return t(PIN_MESSAGES.finalTry);
  if (left === 'few') return t(PIN_MESSAGES.fewLeft);
  if (left === 'none') return t(PIN_MESSAGES.locked);
  return '';
}
