import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { chooseCertificateIn, findTokenIn, normaliseId } from '../../electron/core/pkcs11/selection';
import { userPinStatus } from '../../electron/core/pkcs11/pin-status';
import type { TokenCertificate, TokenInfo } from '../../electron/core/pkcs11/token-types';
import { parseCertificate } from '../../electron/core/x509/cert-info';

const fx = inject('fixture');

function cert(id: string, derPath: string): TokenCertificate {
  const der = new Uint8Array(readFileSync(derPath));
  const info = parseCertificate(der);
  return { id, label: `L${id}`, role: info.role, der, info };
}

function token(label: string, serialNumber: string, certificates: TokenCertificate[]): TokenInfo {
  return {
    slotId: '0',
    slotDescription: 'test',
    label,
    manufacturer: 'm',
    model: 'x',
    serialNumber,
    loginRequired: true,
    protectedAuthPath: false,
    userPin: userPinStatus(0),
    soPin: userPinStatus(0),
    minPinLength: 5,
    maxPinLength: 8,
    certificates,
    caCertificates: [],
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof SigilloError) return e.code;
    throw e;
  }
  return 'NO_ERROR';
}

describe('token and certificate selection', () => {
  const auth = cert('01', fx.pki.authentication.certDer);
  const sig = cert('02', fx.pki.signature.certDer);
  const sig2 = cert('03', fx.pki.expiringSignature.certDer);

  it('no token at all → TOKEN_NOT_FOUND', () => {
    expect(codeOf(() => findTokenIn([]))).toBe('TOKEN_NOT_FOUND');
  });
  it('two tokens with the same label → TOKEN_AMBIGUOUS; the serial number tells them apart', () => {
    const a = token('CNS', 'AAA', [sig]);
    const b = token('CNS', 'BBB', [sig]);
    expect(codeOf(() => findTokenIn([a, b], 'CNS'))).toBe('TOKEN_AMBIGUOUS');
    expect(findTokenIn([a, b], 'BBB')).toBe(b);
  });
  it('only an authentication certificate → NO_SIGNATURE_CERT unless it is named', () => {
    const tk = token('CNS', 'A', [auth]);
    expect(codeOf(() => chooseCertificateIn(tk))).toBe('NO_SIGNATURE_CERT');
    expect(chooseCertificateIn(tk, '01')).toBe(auth);
  });
  it('two signature certificates → CERT_AMBIGUOUS; --cert chooses (any case, colons)', () => {
    const tk = token('CNS', 'A', [sig, sig2, auth]);
    expect(codeOf(() => chooseCertificateIn(tk))).toBe('CERT_AMBIGUOUS');
    expect(chooseCertificateIn(tk, '03')).toBe(sig2);
    expect(normaliseId(' 0xCA:01 ')).toBe('ca01');
  });
});
