import { cliErrorInfo } from '../../electron/cli/error-hints';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { Pkcs11Service } from '../../electron/core/pkcs11/pkcs11-service';
import { PIN } from '../support/fixture';
import { asn1parse, opensslVerifies } from './openssl-verify';

const fx = inject('fixture');
process.env.SOFTHSM2_CONF = fx.multiConf;
const svc = Pkcs11Service.open(fx.module);
afterAll(() => svc.close());

describe('several tokens', () => {
  it('lists all four tokens with their signature certificates', () => {
    const tokens = svc.listTokens();
    expect(tokens.map((t) => t.label).sort()).toEqual(['CNS-EC', 'CNS-EXPIRED', 'CNS-EXPIRING', 'CNS-ROSSI']);
    const ec = tokens.find((t) => t.label === 'CNS-EC')!;
    expect(ec.certificates[0]?.info).toMatchObject({
      keyType: 'ec',
      keySize: 256,
      curve: 'P-256',
      role: 'signature',
    });
    const expired = tokens.find((t) => t.label === 'CNS-EXPIRED')!;
    expect(new Date(expired.certificates[0]!.info.notAfter).getTime()).toBeLessThan(Date.now());
  });
  it('without --token → TOKEN_AMBIGUOUS naming every label', () => {
    let err: unknown;
    try {
      svc.findToken();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SigilloError);
    expect((err as SigilloError).code).toBe('TOKEN_AMBIGUOUS');
    for (const l of ['CNS-EC', 'CNS-EXPIRED', 'CNS-EXPIRING', 'CNS-ROSSI'])
      expect((err as SigilloError).message).toContain(l);
    expect(() => svc.login(undefined, Buffer.from(PIN))).toThrow(/CNS-ROSSI/);
    expect(cliErrorInfo(err).message).toMatch(/--token/); // the CLI's hint, not the core's message
  });
  it('ECDSA on the token: raw r||s comes back as a DER signature openssl verifies', async () => {
    const data = Buffer.from('firma ECDSA');
    const s = svc.login('CNS-EC', Buffer.from(PIN));
    try {
      const signer = s.signer();
      expect(signer.keyAlgorithm).toBe('ec');
      for (const digest of ['sha256', 'sha384'] as const) {
        const sig = await signer.sign(digest, data);
        expect(asn1parse(sig)).toMatch(/SEQUENCE[\s\S]*INTEGER[\s\S]*INTEGER/);
        expect(opensslVerifies(fx.pki.ecSignature.certPem, digest, data, sig)).toBe(true);
      }
    } finally {
      s.logout();
    }
  });
  it('two tokens logged in at once sign independently', async () => {
    const a = svc.login('CNS-ROSSI', Buffer.from(PIN));
    const b = svc.login('CNS-EXPIRING', Buffer.from(PIN));
    try {
      const data = Buffer.from('x');
      expect(
        opensslVerifies(fx.pki.signature.certPem, 'sha256', data, await a.signer().sign('sha256', data)),
      ).toBe(true);
      expect(
        opensslVerifies(
          fx.pki.expiringSignature.certPem,
          'sha256',
          data,
          await b.signer().sign('sha256', data),
        ),
      ).toBe(true);
    } finally {
      a.logout();
      b.logout();
    }
  });
});
