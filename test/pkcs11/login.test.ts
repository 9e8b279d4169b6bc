import { join } from 'node:path';
import * as graphene from 'graphene-pk11';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { setLang } from '../../electron/core/i18n/translate';
import { Pkcs11Service } from '../../electron/core/pkcs11/pkcs11-service';
import { PIN } from '../support/fixture';
import { cnsToken } from '../support/global-setup';
import { addToken, makeSofthsmStore } from '../support/softhsm';

// wrong PINs change the token's flags: this file has its own store
const fx = inject('fixture');
const conf = makeSofthsmStore(join(fx.root, `hsm-login-${process.pid}`));
addToken(conf, cnsToken('CNS-LOGIN', fx.pki));
process.env.SOFTHSM2_CONF = conf;
const svc = Pkcs11Service.open(fx.module);
afterAll(() => svc.close());

function loginError(pin: string): SigilloError {
  try {
    svc.login(undefined, Buffer.from(pin)).logout();
  } catch (e) {
    if (e instanceof SigilloError) return e;
    throw e;
  }
  throw new Error('login succeeded');
}

describe('login', () => {
  it('a wrong PIN → PIN_INCORRECT once (no retry), with the token flags re-read for the hint', () => {
    setLang('it');
    const e = loginError('00000000');
    expect(e.code).toBe('PIN_INCORRECT');
    // the first wrong PIN: the tries left in words, never "PIN errati were already entered"
    expect(e.message).toBe('PIN errato. Restano pochi tentativi prima del blocco.');
    expect(e.details.triesLeft).toBe('few');
    expect(JSON.stringify(e.details)).not.toContain('00000000');
    expect(svc.findToken().userPin.countLow).toBe(true);
  });
  it('after a wrong PIN nothing can be signed and the token stays logged out', () => {
    setLang('en');
    const e = loginError('11111111');
    expect(e.message).toContain('Wrong PIN.');
    // not logged in: the private keys stay hidden, so no signer can be made
    const keys = svc.withSession(
      undefined,
      (session) => session.find({ class: graphene.ObjectClass.PRIVATE_KEY }).length,
    );
    expect(keys).toBe(0);
  });
  it('the right PIN logs in and clears the count-low flag; logout ends the session', async () => {
    const s = svc.login(undefined, Buffer.from(PIN));
    const sig = await s.signer().sign('sha256', Buffer.from('ok'));
    expect(sig.length).toBe(256);
    s.logout();
    expect(svc.findToken().userPin.countLow).toBe(false);
    expect(s.isOpen).toBe(false);
  });
  it('a PIN that cannot be a CNS PIN (4 digits, letters, 9 digits) is refused before the card: no try used', () => {
    setLang('it');
    expect(svc.findToken().userPin.countLow).toBe(false);
    for (const bad of ['1234', '1234567a', '123456789']) {
      const e = loginError(bad);
      expect(e.code).toBe('PIN_FORMAT');
      expect(e.message).toContain('5–8 cifre');
      expect(e.message).not.toContain(bad);
    }
    // a wrong PIN tried on SoftHSM sets count-low (first test): these did not reach the token
    expect(svc.findToken().userPin.countLow).toBe(false);
  });
  it('a second login in the same process re-checks the PIN', () => {
    const s = svc.login(undefined, Buffer.from(PIN));
    try {
      expect(loginError('22222222').code).toBe('PIN_INCORRECT');
    } finally {
      s.logout();
    }
  });
});
