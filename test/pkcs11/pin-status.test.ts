import { describe, expect, it } from 'vitest';
import { setLang } from '../../electron/core/i18n/translate';
import {
  CKF,
  pinWarning,
  soPinStatus,
  triesLeft,
  userPinStatus,
} from '../../electron/core/pkcs11/pin-status';
import { pkcs11Error } from '../../electron/core/pkcs11/pkcs11-errors';

describe('PIN status from token flags', () => {
  it('reads the user and SO flags separately', () => {
    const flags =
      CKF.USER_PIN_INITIALIZED | CKF.TOKEN_INITIALIZED | CKF.USER_PIN_FINAL_TRY | CKF.SO_PIN_LOCKED;
    expect(userPinStatus(flags)).toEqual({
      countLow: false,
      finalTry: true,
      locked: false,
      toBeChanged: false,
      initialized: true,
    });
    expect(soPinStatus(flags)).toMatchObject({ locked: true, finalTry: false, initialized: true });
  });
  it('says the final try in Italian and English', () => {
    const status = userPinStatus(CKF.USER_PIN_FINAL_TRY | CKF.USER_PIN_COUNT_LOW);
    expect(triesLeft(status)).toBe('last');
    setLang('it');
    expect(pinWarning(status)).toBe('Attenzione: ultimo tentativo prima del blocco.');
    setLang('en');
    expect(pinWarning(status)).toContain('last attempt');
  });
  it('has nothing to say about a clean PIN', () => {
    expect(pinWarning(userPinStatus(CKF.USER_PIN_INITIALIZED))).toBeUndefined();
    expect(triesLeft(userPinStatus(CKF.USER_PIN_LOCKED))).toBe('none');
  });
});

describe('CKR error mapping', () => {
  it('maps pkcs11js errors by their CKR name', () => {
    setLang('it');
    const locked = pkcs11Error(new Error('CKR_PIN_LOCKED:164'), 'C_Login');
    expect(locked.code).toBe('PIN_LOCKED');
    expect(locked.message).toContain('PUK');
    expect(pkcs11Error(new Error('CKR_DEVICE_REMOVED:50'), 'C_Sign').code).toBe('DEVICE_REMOVED');
    expect(pkcs11Error(new Error('CKR_TOKEN_NOT_PRESENT:224'), 'C_Sign').code).toBe('TOKEN_REMOVED');
    expect(pkcs11Error(new Error('CKR_SESSION_HANDLE_INVALID:179'), 'C_Sign').code).toBe('SESSION_CLOSED');
    expect(pkcs11Error(new Error('CKR_PIN_LEN_RANGE:162'), 'C_Login').code).toBe('PIN_LEN_RANGE');
  });
  it('keeps unknown CKR names in a generic message', () => {
    setLang('en');
    const e = pkcs11Error(new Error('CKR_VENDOR_THING:2147483650'), 'C_Sign');
    expect(e.code).toBe('PKCS11_ERROR');
    expect(e.message).toBe('Device error (CKR_VENDOR_THING) during C_Sign.');
  });
});
