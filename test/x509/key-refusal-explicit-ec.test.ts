/**
 * RFC 5480 §2.1.1: an EC key's parameters MUST be a namedCurve OID. A certificate whose key carries explicit
 * (specifiedCurve) parameters — even those of P-256, which node matches to the named curve — is refused before
 * any signature math, as signer and as issuer alike (keyRefusal).
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { keyRefusal, parseCert } from '../../electron/core/x509/certificates';
import { selfSignedDer } from './support/self-signed';

const fx = inject('fixture');

function selfSigned(dir: string, name: string, paramEnc: 'named_curve' | 'explicit') {
  const der = selfSignedDer(dir, name, [
    'ecparam',
    '-name',
    'prime256v1',
    '-param_enc',
    paramEnc,
    '-genkey',
    '-noout',
  ]);
  const p = parseCert(der);
  if (!p) throw new Error(`${name}: not parsed`);
  return p;
}

describe('EC keys with explicit parameters', () => {
  it('are refused; the same curve by name is accepted', () => {
    const dir = mkdtempSync(join(fx.root, 'explicit-ec-'));
    expect(keyRefusal(selfSigned(dir, 'named', 'named_curve'))).toBeUndefined();
    expect(keyRefusal(selfSigned(dir, 'explicit', 'explicit'))).toBe('EC explicit parameters');
  });
});
