/**
 * The JSON shapes of `sigillo devices --json` and `sigillo cert --json`, built here and nowhere else so later
 * issues (renewal status, device summary) extend one place.
 */
import type { CertInfo } from '../core/x509/cert-info-types';
import { derToPem } from '../core/x509/pem';
import type { TokenCertificate, TokenInfo } from '../core/pkcs11/token-types';

export type CertificateJson = { id: string; label: string } & CertInfo & {
    pem?: string;
    [extra: string]: unknown;
  };

export interface TokenJson {
  label: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  slotId: string;
  slotDescription: string;
  loginRequired: boolean;
  protectedAuthPath: boolean;
  userPin: TokenInfo['userPin'];
  soPin: TokenInfo['soPin'];
  minPinLength: number;
  maxPinLength: number;
  [extra: string]: unknown;
}

export interface DevicesReport {
  module: string;
  tokens: (TokenJson & { certificates: CertificateJson[]; caCertificates: CertificateJson[] })[];
}

export interface CertReport {
  token: TokenJson;
  certificates: CertificateJson[];
  [extra: string]: unknown;
}

export function certificateJson(c: TokenCertificate, withPem = false): CertificateJson {
  const json: CertificateJson = { id: c.id, label: c.label, ...c.info };
  if (withPem) json.pem = derToPem(c.der);
  return json;
}

export function tokenJson(t: TokenInfo): TokenJson {
  return {
    label: t.label,
    manufacturer: t.manufacturer,
    model: t.model,
    serialNumber: t.serialNumber,
    slotId: t.slotId,
    slotDescription: t.slotDescription,
    loginRequired: t.loginRequired,
    protectedAuthPath: t.protectedAuthPath,
    userPin: t.userPin,
    soPin: t.soPin,
    minPinLength: t.minPinLength,
    maxPinLength: t.maxPinLength,
  };
}

export function devicesReport(modulePath: string, tokens: TokenInfo[]): DevicesReport {
  return {
    module: modulePath,
    tokens: tokens.map((t) => ({
      ...tokenJson(t),
      certificates: t.certificates.map((c) => certificateJson(c)),
      caCertificates: t.caCertificates.map((c) => certificateJson(c)),
    })),
  };
}

export function certReport(token: TokenInfo, certs: TokenCertificate[]): CertReport {
  return { token: tokenJson(token), certificates: certs.map((c) => certificateJson(c, true)) };
}
