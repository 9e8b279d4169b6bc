/**
 * PIN change and PUK unblock on SoftHSM2 tokens in this file's own store (the SO PIN plays the PUK): after a
 * change the old PIN fails and the new one signs (checked by openssl); after an unblock the new PIN signs; a wrong
 * PUK fails cleanly; the length/format rules are enforced before the card is touched.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { setLang } from '../../electron/core/i18n/translate';
import {
  changePin,
  checkNewPin,
  pinRules,
  pukWarning,
  unblockPin,
} from '../../electron/core/pkcs11/pin-management';
import { Pkcs11Service } from '../../electron/core/pkcs11/pkcs11-service';
import { PIN, SO_PIN } from '../support/fixture';
import { cnsToken } from '../support/global-setup';
import { addToken, makeSofthsmStore } from '../support/softhsm';
import { opensslVerifies } from '../pkcs11/openssl-verify';
import { PIN_OK } from '../support/pin-status';

const fx = inject('fixture');
const conf = makeSofthsmStore(join(fx.root, `hsm-pin-${process.pid}`));
for (const label of ['CNS-CHANGE', 'CNS-UNBLOCK', 'CNS-RULES', 'CNS-WRONGPUK'])
  addToken(conf, cnsToken(label, fx.pki));
process.env.SOFTHSM2_CONF = conf;
const svc = Pkcs11Service.open(fx.module);
afterAll(() => svc.close());
setLang('en');

const b = (s: string) => Buffer.from(s, 'utf8');

async function caught(p: Promise<unknown> | (() => unknown)): Promise<SigilloError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof SigilloError) return e;
    throw e;
  }
  throw new Error('expected a SigilloError');
}

/** Logs in with `pin` and signs; the signature is checked by openssl against the token's certificate. */
async function signsWith(label: string, pin: string): Promise<boolean> {
  const s = svc.login(label, b(pin));
  try {
    const data = b(`sigillo ${label} ${Date.now()}`);
    const sig = await s.signer().sign('sha256', data);
    return opensslVerifies(fx.pki.signature.certPem, 'sha256', data, sig);
  } finally {
    s.logout();
  }
}

describe('PIN rules', () => {
  it("narrow the token's limits to the CNS 5–8 digits", () => {
    const token = svc.findToken('CNS-RULES');
    expect(pinRules(token)).toEqual({ min: 5, max: 8, digitsOnly: true });
    expect(pinRules({ minPinLength: 6, maxPinLength: 8 })).toEqual({ min: 6, max: 8, digitsOnly: true });
    expect(pinRules({ minPinLength: 0, maxPinLength: 0 })).toEqual({ min: 5, max: 8, digitsOnly: true });
    expect(pinRules({ minPinLength: 10, maxPinLength: 12 })).toEqual({ min: 10, max: 12, digitsOnly: true });
  });
  it('reject too short, too long and non-digit PINs without echoing them', () => {
    const rules = { min: 5, max: 8, digitsOnly: true };
    for (const bad of ['1234', '123456789', '12a456', '12 456', '']) {
      let err: unknown;
      try {
        checkNewPin(b(bad), rules);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(SigilloError);
      expect((err as SigilloError).code).toBe('PIN_FORMAT');
      if (bad.length > 2) expect((err as SigilloError).message).not.toContain(bad);
    }
    for (const good of ['12345', '87654321']) checkNewPin(b(good), rules);
  });
  it('are checked before the card is touched: no attempt is spent', async () => {
    // a wrong current PIN with a bad new PIN: had C_SetPIN run, the token would flag a wrong entry
    const e = await caught(changePin(svc, 'CNS-RULES', b('00000000'), b('123')));
    expect(e.code).toBe('PIN_FORMAT');
    expect(e.message).toContain('5–8 digits');
    expect(svc.findToken('CNS-RULES').userPin.countLow).toBe(false);
    expect((await caught(unblockPin(svc, 'CNS-RULES', b('00000000'), b('12345abc')))).code).toBe(
      'PIN_FORMAT',
    );
    expect(svc.findToken('CNS-RULES').soPin.countLow).toBe(false);
    expect(await signsWith('CNS-RULES', PIN)).toBe(true);
  });
  it('refuse the same PIN again', async () => {
    expect((await caught(changePin(svc, 'CNS-RULES', b(PIN), b(PIN)))).code).toBe('PIN_UNCHANGED');
  });
});

describe('PIN change', () => {
  it('a wrong current PIN changes nothing and says so once', async () => {
    const e = await caught(changePin(svc, 'CNS-CHANGE', b('99999999'), b('24681357')));
    expect(e.code).toBe('PIN_INCORRECT');
    expect(e.message).toMatch(/^Wrong PIN\./);
    expect(e.details.triesLeft).toBe('few');
    expect(JSON.stringify(e.details)).not.toContain('99999999');
    expect(svc.findToken('CNS-CHANGE').userPin.countLow).toBe(true);
    expect(await signsWith('CNS-CHANGE', PIN)).toBe(true);
  });
  it('after a change the old PIN fails and the new one signs', async () => {
    const info = await changePin(svc, 'CNS-CHANGE', b(PIN), b('24681357'));
    expect(info.label).toBe('CNS-CHANGE');
    const old = await caught(() => svc.login('CNS-CHANGE', b(PIN)));
    expect(old.code).toBe('PIN_INCORRECT');
    expect(await signsWith('CNS-CHANGE', '24681357')).toBe(true);
  });
});

describe('PIN unblock with the PUK', () => {
  it('a wrong PUK fails cleanly with the tries left, and the PIN is unchanged', async () => {
    const e = await caught(unblockPin(svc, 'CNS-WRONGPUK', b('11112222'), b('13572468')));
    expect(e.code).toBe('PUK_INCORRECT');
    expect(e.message).toMatch(/^Wrong PUK\./);
    expect(JSON.stringify(e.details)).not.toContain('11112222');
    const so = svc.findToken('CNS-WRONGPUK').soPin;
    expect(so.countLow).toBe(true);
    expect(pukWarning(so)).toContain('few attempts');
    expect(await signsWith('CNS-WRONGPUK', PIN)).toBe(true);
    expect((await caught(() => svc.login('CNS-WRONGPUK', b('13572468')))).code).toBe('PIN_INCORRECT');
  });
  it('after an unblock the new PIN signs and the old one fails', async () => {
    const info = await unblockPin(svc, 'CNS-UNBLOCK', b(SO_PIN), b('13572468'));
    expect(info.userPin.locked).toBe(false);
    expect(await signsWith('CNS-UNBLOCK', '13572468')).toBe(true);
    expect((await caught(() => svc.login('CNS-UNBLOCK', b(PIN)))).code).toBe('PIN_INCORRECT');
  });
  it('a blocked PUK explains that a new device is needed, revocation first', () => {
    setLang('it');
    try {
      const msg = pukWarning({ ...PIN_OK, locked: true });
      expect(msg).toContain('revoca');
      expect(msg).toContain('nuovo dispositivo');
    } finally {
      setLang('en');
    }
  });
});
