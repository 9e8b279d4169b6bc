/** parseCertificate: DER X.509 certificate → CertInfo (what Sigillo shows), with the light DER walker. */
import { createHash } from 'node:crypto';
import { failure } from '../errors';
import type { CertInfo, CertRole } from './cert-info-types';
import { extensionFacts } from './extensions';
import { nameInfo, subjectInfo } from './names';
import { keyFacts } from './public-key';
import { hex } from '../cms/bytes';
import { readDerCertificate, type DerCertificate } from './der-certificate';

/** Reads a DER certificate; CERT_INVALID when it is not one. */
export function decodeCertificate(der: Uint8Array): DerCertificate {
  try {
    return readDerCertificate(der);
  } catch (e) {
    throw failure('CERT_INVALID', { reason: (e as Error).message });
  }
}

/**
 * `signature` when keyUsage has nonRepudiation; `authentication` when digitalSignature without it, or a
 * clientAuth EKU; else `other`.
 */
export function certRole(keyUsage: string[], extendedKeyUsage: string[], isCA: boolean): CertRole {
  if (isCA) return 'other';
  if (keyUsage.includes('nonRepudiation')) return 'signature';
  if (keyUsage.includes('digitalSignature') || extendedKeyUsage.includes('clientAuth'))
    return 'authentication';
  return 'other';
}

function iso(time: Date): string {
  return time.toISOString().replace('.000Z', 'Z');
}

export function parseCertificate(der: Uint8Array): CertInfo {
  const cert = decodeCertificate(der);
  const ext = extensionFacts(cert.extensions);
  const key = keyFacts(cert.spki);
  const info: CertInfo = {
    subject: subjectInfo(cert.subject),
    issuer: nameInfo(cert.issuer),
    serialNumber: hex(cert.serial),
    notBefore: iso(cert.notBefore),
    notAfter: iso(cert.notAfter),
    ...ext,
    ...key,
    fingerprintSha256: createHash('sha256').update(der).digest('hex'),
    role: certRole(ext.keyUsage, ext.extendedKeyUsage, ext.isCA),
  };
  return info;
}
