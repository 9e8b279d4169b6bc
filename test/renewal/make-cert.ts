/** Builds CertInfo objects for the renewal rule tests (the rules need only the type, not real DER). */
import type { CertInfo, NameInfo } from '../../electron/core/x509/cert-info-types';

let counter = 0;

export const INFOCAMERE_ISSUER: NameInfo = {
  dn: 'C=IT, O=InfoCamere S.C.p.A., OU=Qualified Trust Service Provider, CN=InfoCamere Qualified Electronic Signature CA',
  organization: 'InfoCamere S.C.p.A.',
  commonName: 'InfoCamere Qualified Electronic Signature CA',
  country: 'IT',
};

export function makeCert(o: Partial<CertInfo> & { notAfter: string }): CertInfo {
  counter++;
  return {
    subject: {
      dn: 'C=IT, CN=ROSSI MARIO, serialNumber=TINIT-RSSMRA80A01H501U',
      commonName: 'ROSSI MARIO',
      fiscalCode: 'RSSMRA80A01H501U',
    },
    issuer: INFOCAMERE_ISSUER,
    serialNumber: counter.toString(16).padStart(2, '0'),
    notBefore: '2020-01-01T00:00:00.000Z',
    keyUsage: ['nonRepudiation'],
    extendedKeyUsage: [],
    policies: [],
    qc: { present: true, compliance: true, sscd: true, types: ['esign'], statements: [] },
    keyType: 'rsa',
    keySize: 2048,
    isCA: false,
    crlDistributionPoints: [],
    ocspUrls: [],
    caIssuersUrls: [],
    fingerprintSha256: counter.toString(16).padStart(64, '0'),
    role: 'signature',
    ...o,
  };
}

/** A certificate with the given role and validity period. */
export function roleCert(role: CertInfo['role'], notBefore: string, notAfter: string): CertInfo {
  return makeCert({ role, notBefore, notAfter });
}
