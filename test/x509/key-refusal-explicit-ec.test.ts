/**
 * RFC 5480 §2.1.1: an EC key's parameters MUST be a namedCurve OID. A certificate whose key carries explicit
 * (specifiedCurve) parameters — even those of P-256, which node matches to the named curve — is refused before
 * any signature math, as signer and as issuer alike (keyRefusal).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { keyRefusal, parseCert } from '../../electron/core/x509/certificates';

const fx = inject('fixture');

function selfSigned(dir: string, name: string, paramEnc: 'named_curve' | 'explicit') {
  const key = join(dir, `${name}.key`);
  const der = join(dir, `${name}.der`);
  const run = (args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run(['ecparam', '-name', 'prime256v1', '-param_enc', paramEnc, '-genkey', '-noout', '-out', key]);
  run([
    'req',
    '-new',
    '-x509',
    '-key',
    key,
    '-subj',
    `/CN=${name}`,
    '-days',
    '10',
    '-outform',
    'DER',
    '-out',
    der,
  ]);
  const p = parseCert(new Uint8Array(readFileSync(der)));
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
