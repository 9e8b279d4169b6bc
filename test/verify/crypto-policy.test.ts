/**
 * The table of crypto-policy.ts read as DSS's default policy reads it: a key's expiry is the entry with the
 * largest size ≤ the key (floorEntry), expiry dates after the policy's update date (2022) only warn, sizes below
 * the minimum and unlisted digests are refused; decide() turns an expiry into NO_POE unless the POE is before it.
 */
import { describe, expect, it } from 'vitest';
import { assessCrypto, digestUse, keyUse } from '../../electron/core/x509/crypto-policy';
import { decide, type Findings } from '../../electron/core/verify/indication';

const NOW = new Date('2026-12-07T00:00:00Z');
const LATER = new Date('2031-01-01T00:00:00Z');
const year = (y: number) => new Date(Date.UTC(y, 0, 1));

describe('crypto policy table', () => {
  it('SHA-1 and RSA 1024/1536/1899 are expired at FAIL level; the earliest date is the one a POE must beat', () => {
    expect(assessCrypto([digestUse('sha1')], NOW).expiry).toEqual(year(2009));
    expect(assessCrypto([keyUse('rsa', 1899)], NOW).expiry).toEqual(year(2016));
    expect(assessCrypto([keyUse('rsa', 1536), digestUse('sha1')], NOW).expiry).toEqual(year(2009));
  });

  it('RSA 2048 and SHA-224 (expiry after the 2022 update) only warn; SHA-256, RSA 3072, EC 256 pass until 2029', () => {
    const warn = assessCrypto([keyUse('rsa', 2048), digestUse('sha224')], NOW);
    expect([warn.refused, warn.expiry]).toEqual([false, undefined]);
    expect(warn.messages).toHaveLength(2);
    const ok = assessCrypto([digestUse('sha256'), keyUse('rsa', 3072), keyUse('ec', 256)], NOW);
    expect([ok.refused, ok.expiry, ok.messages.length]).toEqual([false, undefined, 0]);
    expect(assessCrypto([digestUse('sha256')], LATER).messages).toHaveLength(1);
  });

  it('RSA below 1024 bits, EC below 160 and SHA3-224 (commented out in DSS) are refused at any date', () => {
    for (const u of [keyUse('rsa', 1000), keyUse('ec', 128), digestUse('sha3-224')])
      expect(assessCrypto([u], year(2000)).refused).toBe(true);
  });
});

describe('decide with an expired algorithm', () => {
  const base: Findings = {
    formatFailure: false,
    signerCertFound: true,
    hashOk: true,
    sigOk: true,
    essMismatch: false,
    chainFound: true,
    revocationUnknown: false,
    now: NOW,
    keyUsageOk: true,
    weakCrypto: false,
    cryptoExpiry: year(2009),
  };
  it('no POE, or a POE at or after the expiry → NO_POE; a POE before it → passes', () => {
    expect(decide(base).subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect(decide({ ...base, poe: year(2009) }).subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect(decide({ ...base, poe: new Date('2008-12-31T23:59:59Z') }).indication).toBe('TOTAL_PASSED');
    expect(decide({ ...base, weakCrypto: true, poe: year(2008) }).subIndication).toBe(
      'CRYPTO_CONSTRAINTS_FAILURE',
    );
  });
});
