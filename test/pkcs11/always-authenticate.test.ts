import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as graphene from 'graphene-pk11';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Pkcs11Service } from '../../electron/core/pkcs11/pkcs11-service';
import { PIN, SO_PIN } from '../support/fixture';
import { makeSofthsmStore } from '../support/softhsm';
import { importRsaKey } from './import-key';
import { opensslVerifies } from './openssl-verify';

// a CNS-like signature key that asks for the PIN on every use (CKA_ALWAYS_AUTHENTICATE), in its own store
const fx = inject('fixture');
const conf = makeSofthsmStore(join(fx.root, `hsm-always-auth-${process.pid}`));
execFileSync(
  'softhsm2-util',
  ['--init-token', '--free', '--label', 'CNS-AA', '--pin', PIN, '--so-pin', SO_PIN],
  {
    env: { ...process.env, SOFTHSM2_CONF: conf },
    stdio: 'ignore',
  },
);
process.env.SOFTHSM2_CONF = conf;
const svc = Pkcs11Service.open(fx.module);
afterAll(() => svc.close());

describe('keys with CKA_ALWAYS_AUTHENTICATE', () => {
  it('setup: the token holds the key with the attribute, and a plain C_Sign is refused', async () => {
    await svc.withSession(
      'CNS-AA',
      async (session) => {
        session.login(PIN);
        const { signature } = fx.pki;
        importRsaKey(session, {
          keyPem: signature.keyPem,
          certDer: signature.certDer,
          id: Buffer.from([2]),
          label: 'CNS1',
          alwaysAuth: true,
        });
        const key = session.find({ class: graphene.ObjectClass.PRIVATE_KEY }).items(0);
        expect(key.getAttribute({ alwaysAuth: null }).alwaysAuth).toBe(true);
        const op = session.createSign('SHA256_RSA_PKCS', key.toType<graphene.PrivateKey>());
        expect(() => op.once(Buffer.from('x'))).toThrow(/CKR_USER_NOT_LOGGED_IN/);
      },
      true,
    );
  });
  it('the token signer logs in again in context and the signature verifies', async () => {
    const s = svc.login('CNS-AA', Buffer.from(PIN));
    try {
      const signer = s.signer();
      const data = Buffer.from('documento');
      for (let i = 0; i < 2; i++) {
        const sig = await signer.sign('sha256', data);
        expect(opensslVerifies(fx.pki.signature.certPem, 'sha256', data, sig)).toBe(true);
      }
    } finally {
      s.logout();
    }
  });
});
