/**
 * An RSA key with a huge public exponent is refused before any signature math: each check with a 3070-bit
 * exponent costs ~300× one with 65537, and a hostile .p7m can ask for hundreds (48 s for 66 KB). The bound is
 * OpenSSL's 64 bits; an ordinary key (65537) stays acceptable.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyRefusal, parseCert } from '../../electron/core/x509/certificates';
import { selfSignedDer } from './support/self-signed';

function selfSigned(dir: string, name: string, exponent: string) {
  const keyArgs = ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
  const p = parseCert(selfSignedDer(dir, name, [...keyArgs, '-pkeyopt', `rsa_keygen_pubexp:${exponent}`]));
  if (!p) throw new Error(`${name}: not parsed`);
  return p;
}

describe('RSA public exponent bound', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rsa-exp-'));
  it('refuses an 81-bit exponent and accepts 65537', () => {
    const big = selfSigned(dir, 'big', String(2n ** 80n + 13n));
    expect(keyRefusal(big)).toMatch(/exponent of 81 bit/);
    const plain = selfSigned(dir, 'plain', '65537');
    expect(keyRefusal(plain)).toBeUndefined();
  });
});
