/** The certificate extensions Sigillo shows, read from pkijs' parsed extension values. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { QcInfo } from './cert-info-types';
import { EKU_NAMES, KEY_USAGE_BITS, OID, QC_TYPE_NAMES } from './oids';
import { toHex } from './hex';

export interface ExtensionFacts {
  keyUsage: string[];
  extendedKeyUsage: string[];
  policies: string[];
  qc: QcInfo;
  isCA: boolean;
  crlDistributionPoints: string[];
  ocspUrls: string[];
  caIssuersUrls: string[];
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
}

const URI_NAME = 6;

function keyUsageNames(bits: asn1js.BitString): string[] {
  const bytes = bits.valueBlock.valueHexView;
  return KEY_USAGE_BITS.filter((_, i) => {
    const byte = bytes[i >> 3] ?? 0;
    return (byte & (0x80 >> (i & 7))) !== 0;
  });
}

function uris(names: pkijs.GeneralName[] | undefined): string[] {
  return (names ?? [])
    .filter((n) => n.type === URI_NAME && typeof n.value === 'string')
    .map((n) => n.value as string);
}

function crlUrls(v: pkijs.CRLDistributionPoints): string[] {
  return v.distributionPoints.flatMap((dp) =>
    Array.isArray(dp.distributionPoint) ? uris(dp.distributionPoint) : [],
  );
}

function accessUrls(v: pkijs.InfoAccess, method: string): string[] {
  return uris(v.accessDescriptions.filter((d) => d.accessMethod === method).map((d) => d.accessLocation));
}

function qcTypes(type: unknown): string[] {
  if (!(type instanceof asn1js.Sequence)) return [];
  return type.valueBlock.value
    .filter((v): v is asn1js.ObjectIdentifier => v instanceof asn1js.ObjectIdentifier)
    .map((v) => {
      const oid = v.valueBlock.toString();
      return QC_TYPE_NAMES[oid] ?? oid;
    });
}

function qcInfo(v: pkijs.QCStatements | undefined): QcInfo {
  const statements = (v?.values ?? []).map((s) => s.id);
  const typeStatement = v?.values.find((s) => s.id === OID.qcType);
  return {
    present: v !== undefined,
    compliance: statements.includes(OID.qcCompliance),
    sscd: statements.includes(OID.qcSscd),
    types: typeStatement ? qcTypes(typeStatement.type) : [],
    statements,
  };
}

function parsed<T>(ext: pkijs.Extension | undefined, type: new () => T): T | undefined {
  const v: unknown = ext?.parsedValue;
  return v instanceof type ? v : undefined;
}

export function extensionFacts(cert: pkijs.Certificate): ExtensionFacts {
  const exts = cert.extensions ?? [];
  const find = (oid: string) => exts.find((e) => e.extnID === oid);
  const ku = parsed(find(OID.keyUsage), asn1js.BitString);
  const eku = parsed(find(OID.extKeyUsage), pkijs.ExtKeyUsage);
  const pol = parsed(find(OID.certificatePolicies), pkijs.CertificatePolicies);
  const bc = parsed(find(OID.basicConstraints), pkijs.BasicConstraints);
  const crl = parsed(find(OID.crlDistributionPoints), pkijs.CRLDistributionPoints);
  const aia = parsed(find(OID.authorityInfoAccess), pkijs.InfoAccess);
  const ski = parsed(find(OID.subjectKeyIdentifier), asn1js.OctetString);
  const aki = parsed(find(OID.authorityKeyIdentifier), pkijs.AuthorityKeyIdentifier);
  const qc = find(OID.qcStatements) ? parsed(find(OID.qcStatements), pkijs.QCStatements) : undefined;
  const facts: ExtensionFacts = {
    keyUsage: ku ? keyUsageNames(ku) : [],
    extendedKeyUsage: (eku?.keyPurposes ?? []).map((p) => EKU_NAMES[p] ?? p),
    policies: (pol?.certificatePolicies ?? []).map((p) => p.policyIdentifier),
    qc: qcInfo(qc),
    isCA: bc?.cA === true,
    crlDistributionPoints: crl ? crlUrls(crl) : [],
    ocspUrls: aia ? accessUrls(aia, OID.ocsp) : [],
    caIssuersUrls: aia ? accessUrls(aia, OID.caIssuers) : [],
  };
  if (ski) facts.subjectKeyIdentifier = toHex(ski.valueBlock.valueHexView);
  if (aki?.keyIdentifier) facts.authorityKeyIdentifier = toHex(aki.keyIdentifier.valueBlock.valueHexView);
  return facts;
}
