/**
 * PIN change (C_SetPIN) and PIN unblock with the PUK (SO login, C_InitPIN, logout). The new PIN is checked
 * against the token's limits and the CNS rules (5–8 digits) before the card is touched; each operation makes one
 * attempt only; the caller owns and zeroes the PIN/PUK Buffers. Errors carry what the token says about tries left.
 */
import * as graphene from 'graphene-pk11';
import { SigilloError, failure } from '../errors';
import { catalogueText } from '../i18n/catalogue';
import { t } from '../i18n/translate';
import { ckrName, pkcs11Error } from './pkcs11-errors';
import { soPinStatus, triesLeft, userPinStatus, wrongPinHint } from './pin-status';
import type { Pkcs11Service } from './pkcs11-service';
import type { PinStatus, TokenInfo } from './token-types';

/** CNS PINs and PUKs: 5 to 8 digits (CNS functional specification; OpenSC card-itacns.c pads to 8). */
export const CNS_PIN_MIN = 5;
export const CNS_PIN_MAX = 8;

export interface PinRules {
  min: number;
  max: number;
  digitsOnly: boolean;
}

/** The token's ulMinPinLen/ulMaxPinLen narrowed by the CNS rules (the token's alone when they do not overlap). */
export function pinRules(token: Pick<TokenInfo, 'minPinLength' | 'maxPinLength'>): PinRules {
  const tokMin = token.minPinLength > 0 ? token.minPinLength : 0;
  const tokMax = token.maxPinLength > 0 && token.maxPinLength < 256 ? token.maxPinLength : 255;
  const min = Math.max(tokMin, CNS_PIN_MIN);
  const max = Math.min(tokMax, CNS_PIN_MAX);
  if (min > max) return { min: Math.max(tokMin, 1), max: tokMax, digitsOnly: true };
  return { min, max, digitsOnly: true };
}

function fits(pin: Buffer, rules: PinRules): boolean {
  const digits = pin.every((b) => b >= 0x30 && b <= 0x39);
  return pin.length >= rules.min && pin.length <= rules.max && (digits || !rules.digitsOnly);
}

/** PIN_FORMAT with `message` (given the rules' range as {range}); never puts the PIN in the error. */
function pinFormatError(rules: PinRules, message: (range: string) => string): SigilloError {
  const range = rules.min === rules.max ? String(rules.min) : `${rules.min}–${rules.max}`;
  return new SigilloError('PIN_FORMAT', message(range), {
    min: rules.min,
    max: rules.max,
    digitsOnly: rules.digitsOnly,
  });
}

/** Throws PIN_FORMAT when the new PIN breaks the rules; never puts the PIN in the error. */
export function checkNewPin(pin: Buffer, rules: PinRules): void {
  if (fits(pin, rules)) return;
  throw pinFormatError(rules, (range) =>
    t(
      rules.digitsOnly
        ? {
            it: 'Il nuovo PIN deve essere di {range} cifre (solo numeri).',
            en: 'The new PIN must be {range} digits (numbers only).',
          }
        : {
            it: 'Il nuovo PIN deve essere di {range} caratteri.',
            en: 'The new PIN must be {range} characters.',
          },
      { range },
    ),
  );
}

/**
 * Throws PIN_FORMAT when the PIN typed to log in cannot be right (CNS: 5–8 digits), before the card is touched:
 * a mistyped PIN never costs a try. Never puts the PIN in the error.
 */
export function checkPinEntry(pin: Buffer, rules: PinRules): void {
  if (fits(pin, rules)) return;
  const what = t(rules.digitsOnly ? { it: 'cifre', en: 'digits' } : { it: 'caratteri', en: 'characters' });
  throw pinFormatError(rules, (range) =>
    t(
      {
        it: 'Il PIN è di {range} {what}: quello inserito non lo è, e non è stato provato sulla carta (nessun tentativo usato).',
        en: 'The PIN is {range} {what}: the one entered is not, and it was not tried on the card (no attempt used).',
      },
      { range, what },
    ),
  );
}

const PUK_FINAL = {
  it: 'Attenzione: ultimo tentativo del PUK prima del blocco definitivo del dispositivo.',
  en: 'Warning: last PUK attempt before the device is blocked for good.',
};
const PUK_FEW = {
  it: 'Attenzione: sono già stati inseriti PUK errati, restano pochi tentativi.',
  en: 'Warning: wrong PUKs were already entered, few attempts are left.',
};
/** A warning to show before asking for the PUK, or undefined. */
export function pukWarning(so: PinStatus): string | undefined {
  if (so.locked) return catalogueText('PUK_LOCKED');
  if (so.finalTry) return t(PUK_FINAL);
  if (so.countLow) return t(PUK_FEW);
  return undefined;
}

function readFlags(slot: graphene.Slot): number | undefined {
  try {
    return slot.getToken().flags;
  } catch {
    return undefined; // card gone: say what we knew
  }
}

/** A wrong PIN: PIN_INCORRECT with the tries left as the token now reports them (PIN_LOCKED when none). */
function wrongPin(e: unknown, slot: graphene.Slot, token: TokenInfo): SigilloError {
  const mapped = pkcs11Error(e, 'C_SetPIN', { token: token.label });
  if (mapped.code !== 'PIN_INCORRECT') return mapped;
  const flags = readFlags(slot);
  const status = flags === undefined ? token.userPin : userPinStatus(flags);
  const left = triesLeft(status);
  const hint = wrongPinHint(left);
  return new SigilloError(
    left === 'none' ? 'PIN_LOCKED' : 'PIN_INCORRECT',
    [mapped.message, hint].filter(Boolean).join(' '),
    { token: token.label, triesLeft: left, userPin: status },
  );
}

/** A wrong or blocked PUK: PUK_INCORRECT with the tries left, or PUK_LOCKED with what to do next. */
function wrongPuk(e: unknown, slot: graphene.Slot, token: TokenInfo): SigilloError {
  const ckr = ckrName(e);
  const flags = readFlags(slot);
  const status = flags === undefined ? token.soPin : soPinStatus(flags);
  if (ckr === 'CKR_PIN_LOCKED' || (ckr === 'CKR_PIN_INCORRECT' && status.locked)) {
    return failure('PUK_LOCKED', undefined, { token: token.label, soPin: status });
  }
  if (ckr !== 'CKR_PIN_INCORRECT') return pkcs11Error(e, 'C_Login(SO)', { token: token.label });
  const left = triesLeft(status);
  const hint = left === 'last' ? t(PUK_FINAL) : left === 'few' ? t(PUK_FEW) : '';
  return new SigilloError('PUK_INCORRECT', [catalogueText('PUK_INCORRECT'), hint].filter(Boolean).join(' '), {
    token: token.label,
    triesLeft: left,
    soPin: status,
  });
}

function pinLockedError(token: TokenInfo): SigilloError {
  return pkcs11Error(new Error('CKR_PIN_LOCKED'), 'C_SetPIN', { token: token.label });
}

/**
 * Changes the user PIN of the token (label or serial; by default the only one): one C_SetPIN in a read-write
 * session, checked against the rules first. PIN_FORMAT, PIN_INCORRECT (tries left), PIN_LOCKED.
 */
export async function changePin(
  service: Pkcs11Service,
  tokenLabel: string | undefined,
  oldPin: Buffer,
  newPin: Buffer,
): Promise<TokenInfo> {
  const token = service.findToken(tokenLabel);
  if (token.userPin.locked) throw pinLockedError(token);
  checkPinEntry(oldPin, pinRules(token));
  checkNewPin(newPin, pinRules(token));
  if (oldPin.equals(newPin)) throw failure('PIN_UNCHANGED');
  await service.withSession(
    token.serialNumber || token.label,
    (session, info, slot) => {
      try {
        // pkcs11js takes strings only: they live for this call
        session.setPin(oldPin.toString('utf8'), newPin.toString('utf8'));
      } catch (e) {
        throw wrongPin(e, slot, info);
      }
    },
    true,
  );
  return service.findToken(token.serialNumber || token.label);
}

/**
 * Unblocks the user PIN with the PUK (the SO PIN on a CNS): SO login, C_InitPIN with the new PIN, logout.
 * PIN_FORMAT, PUK_INCORRECT (tries left), PUK_LOCKED (the device cannot be used any more).
 */
export async function unblockPin(
  service: Pkcs11Service,
  tokenLabel: string | undefined,
  puk: Buffer,
  newPin: Buffer,
): Promise<TokenInfo> {
  const token = service.findToken(tokenLabel);
  if (token.soPin.locked) throw failure('PUK_LOCKED', undefined, { token: token.label });
  checkNewPin(newPin, pinRules(token));
  await service.withSession(
    token.serialNumber || token.label,
    (session, info, slot) => {
      try {
        session.login(puk.toString('utf8'), graphene.UserType.SO);
      } catch (e) {
        // one attempt, whatever the error: the PUK must really be checked before C_InitPIN
        throw wrongPuk(e, slot, info);
      }
      try {
        session.initPin(newPin.toString('utf8'));
      } finally {
        try {
          session.logout();
        } catch {
          // a removed card is logged out anyway
        }
      }
    },
    true,
  );
  return service.findToken(token.serialNumber || token.label);
}
