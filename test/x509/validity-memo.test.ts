/**
 * A certificate's validity bounds are parsed once per certificate (issue 22) and read by the verdict and the CA
 * checks: the same instants as node's validFrom/validTo strings give, and the verdict built from them is the one
 * the dates call for (expired at the signing time, not yet valid, in bounds).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { parseCert, validityOf, type ParsedCert } from '../../electron/core/x509/certificates';
import { decideSignature } from '../../electron/core/verify/signer-verdict';
import type { CertChecks } from '../../electron/core/verify/signer-checks';

const fx = inject('fixture');

describe('validityOf', () => {
  const certs = [fx.pki.signature, fx.pki.expiredSignature, fx.pki.expiringSignature, fx.pki.root].map(
    (c) => parseCert(readFileSync(c.certDer)) as ParsedCert,
  );

  it('the instants of validFrom/validTo, the same object each time', () => {
    for (const c of certs) {
      const v = validityOf(c);
      expect(v.from).toBe(new Date(c.x509.validFrom).getTime());
      expect(v.to).toBe(new Date(c.x509.validTo).getTime());
      expect(validityOf(c)).toBe(v);
    }
  });

  it('the verdict reads them: expired, not yet valid, in bounds', () => {
    const signer = certs[0] as ParsedCert;
    const { from, to } = validityOf(signer);
    const checks = {
      chainFound: true,
      revocationUnknown: false,
      caOutOfBounds: false,
      keyUsageOk: true,
      weakCrypto: false,
    } as CertChecks;
    const at = (t: number) =>
      decideSignature(
        {
          formatFailure: false,
          signer,
          hashOk: true,
          sigOk: true,
          essMismatch: false,
          signingTime: new Date(t),
          now: new Date(from + 1000),
        },
        checks,
      ).subIndication;
    expect(at(to + 1000)).toBe('EXPIRED');
    expect(at(from - 1000)).toBe('NOT_YET_VALID');
    expect(at(from + 500)).toBe(null);
  });
});
