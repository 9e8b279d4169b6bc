import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestInfo, ecdsaRawToDer } from '../../electron/core/pkcs11/signature-encoding';
import { signPlan } from '../../electron/core/pkcs11/token-signer';
import { asn1parse } from './openssl-verify';

describe('ecdsaRawToDer', () => {
  it('turns raw r||s (P-256, P-384, P-521) into a DER signature Node verifies', () => {
    for (const namedCurve of ['P-256', 'P-384', 'P-521']) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
      for (let i = 0; i < 20; i++) {
        const data = Buffer.from(`message ${i}`);
        const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
        const der = ecdsaRawToDer(raw);
        expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
      }
    }
  });
  it('strips leading zeros and adds a sign byte where needed (checked with openssl asn1parse)', () => {
    const r = Buffer.alloc(32, 0);
    r[31] = 0x05;
    const s = Buffer.alloc(32, 0xff);
    const der = ecdsaRawToDer(Buffer.concat([r, s]));
    const parsed = asn1parse(der);
    expect(parsed).toMatch(/INTEGER\s+:05\b/);
    expect(parsed).toMatch(new RegExp(`INTEGER\\s+:${'FF'.repeat(32)}`));
    expect(der[der.length - 33]).toBe(0x00);
  });
  it('property: DER re-parses to the same r and s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 66 }),
        fc.uint8Array({ minLength: 132, maxLength: 132 }),
        (n, bytes) => {
          const raw = bytes.subarray(0, 2 * n);
          const der = Buffer.from(ecdsaRawToDer(raw));
          const ints = [...asn1parse(der).matchAll(/INTEGER\s+:([0-9A-F]+)/g)].map((m) =>
            BigInt('0x' + m[1]),
          );
          const big = (b: Uint8Array) => BigInt('0x' + (Buffer.from(b).toString('hex') || '0'));
          return ints[0] === big(raw.subarray(0, n)) && ints[1] === big(raw.subarray(n));
        },
      ),
      { numRuns: 40 },
    );
  });
  it('rejects an odd length', () => {
    expect(() => ecdsaRawToDer(new Uint8Array(3))).toThrow();
  });
});

describe('signPlan', () => {
  const data = Buffer.from('signed attributes');
  it('uses the combined RSA mechanism when the token has it', () => {
    const plan = signPlan('rsa', new Set([0x1, 0x40, 0x41, 0x42]), 'sha384', data);
    expect(plan.mechanism).toBe(0x41);
    expect(Buffer.from(plan.input).equals(data)).toBe(true);
  });
  it('falls back to CKM_RSA_PKCS over a DigestInfo', () => {
    const plan = signPlan('rsa', new Set([0x1]), 'sha512', data);
    expect(plan.mechanism).toBe(0x1);
    const hash = createHash('sha512').update(data).digest();
    expect(Buffer.from(plan.input).equals(Buffer.from(digestInfo('sha512', hash)))).toBe(true);
    expect(asn1parse(plan.input)).toContain('sha512');
  });
  it('hashes in Node for ECDSA', () => {
    const plan = signPlan('ec', new Set([0x1041]), 'sha256', data);
    expect(plan.mechanism).toBe(0x1041);
    expect(Buffer.from(plan.input).equals(createHash('sha256').update(data).digest())).toBe(true);
  });
});
