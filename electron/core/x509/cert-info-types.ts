/** Everything Sigillo shows about a certificate; produced by x509/cert-info.ts from the DER. Plain JSON. */
export interface NameInfo {
  /** RFC 4514-ish one-line form, e.g. "CN=ROSSI MARIO, O=..., C=IT" */
  dn: string;
  commonName?: string;
  givenName?: string;
  surname?: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  /** subject serialNumber attribute as written, e.g. "TINIT-RSSMRA80A01H501U" */
  serialNumber?: string;
}

export interface SubjectInfo extends NameInfo {
  /** the 16 (or 11 for companies) characters after TINIT- / IT: */
  fiscalCode?: string;
}

export type CertRole = 'signature' | 'authentication' | 'other';

export interface QcInfo {
  present: boolean;
  compliance: boolean;
  sscd: boolean;
  /** QcType values: 'esign' | 'eseal' | 'web' | other OIDs */
  types: string[];
  /** every statement OID found */
  statements: string[];
}

export interface CertInfo {
  subject: SubjectInfo;
  issuer: NameInfo;
  /** hex, lower case, no leading zeros stripped beyond DER */
  serialNumber: string;
  notBefore: string; // ISO 8601
  notAfter: string; // ISO 8601
  /** digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement, keyCertSign, cRLSign, ... */
  keyUsage: string[];
  /** names where known (clientAuth, emailProtection, timeStamping, ...) else OIDs */
  extendedKeyUsage: string[];
  policies: string[];
  qc: QcInfo;
  keyType: 'rsa' | 'ec' | 'other';
  /** RSA modulus bits, or EC curve size */
  keySize: number;
  /** EC curve name when EC (P-256, ...) */
  curve?: string;
  isCA: boolean;
  crlDistributionPoints: string[];
  ocspUrls: string[];
  caIssuersUrls: string[];
  subjectKeyIdentifier?: string; // hex
  authorityKeyIdentifier?: string; // hex
  fingerprintSha256: string; // hex
  role: CertRole;
}
