/** Certificates and tokens as the page sees them: plain JSON, no DER, no keys, no sessions. */
import { z } from 'zod';
import { AbsolutePathSchema, IsoDateSchema, NonEmptyTextSchema, TextSchema } from './common';

const opt = z.string().optional();

export const NameInfoSchema = z.strictObject({
  dn: z.string(),
  commonName: opt,
  givenName: opt,
  surname: opt,
  organization: opt,
  organizationalUnit: opt,
  country: opt,
  serialNumber: opt,
});
export type NameInfo = z.infer<typeof NameInfoSchema>;

export const SubjectInfoSchema = NameInfoSchema.extend({ fiscalCode: opt });
export type SubjectInfo = z.infer<typeof SubjectInfoSchema>;

export const CertRoleSchema = z.enum(['signature', 'authentication', 'other']);
export type CertRole = z.infer<typeof CertRoleSchema>;

export const QcInfoSchema = z.strictObject({
  present: z.boolean(),
  compliance: z.boolean(),
  sscd: z.boolean(),
  /** QcType values: 'esign' | 'eseal' | 'web' | other OIDs */
  types: z.array(z.string()),
  /** every statement OID found */
  statements: z.array(z.string()),
});
export type QcInfo = z.infer<typeof QcInfoSchema>;

/** Everything Sigillo shows about a certificate (the core's CertInfo is this type: x509/cert-info-types.ts). */
export const CertInfoSchema = z.strictObject({
  subject: SubjectInfoSchema,
  issuer: NameInfoSchema,
  serialNumber: z.string(),
  notBefore: IsoDateSchema,
  notAfter: IsoDateSchema,
  keyUsage: z.array(z.string()),
  extendedKeyUsage: z.array(z.string()),
  policies: z.array(z.string()),
  qc: QcInfoSchema,
  keyType: z.enum(['rsa', 'ec', 'other']),
  keySize: z.number(),
  curve: opt,
  isCA: z.boolean(),
  crlDistributionPoints: z.array(z.string()),
  ocspUrls: z.array(z.string()),
  caIssuersUrls: z.array(z.string()),
  subjectKeyIdentifier: opt,
  authorityKeyIdentifier: opt,
  fingerprintSha256: z.string(),
  role: CertRoleSchema,
});
export type CertInfo = z.infer<typeof CertInfoSchema>;

export const RenewalStateSchema = z.enum(['valid', 'renewable', 'last-day', 'expired', 'not-yet-valid']);
export type RenewalState = z.infer<typeof RenewalStateSchema>;

/** Renewal status of one certificate (electron/core/renewal/renewal-types.ts RenewalStatus; issue 9). */
export const RenewalStatusSchema = z.object({
  state: RenewalStateSchema,
  /** civil days (Europe/Rome) to expiry; 0 on the expiry day, negative once past */
  daysLeft: z.number(),
  /** YYYY-MM-DD (Europe/Rome) */
  validFrom: IsoDateSchema,
  expires: IsoDateSchema,
  windowOpens: IsoDateSchema,
  lastRenewalDay: IsoDateSchema,
  ca: z.enum(['infocamere', 'aruba', 'infocert', 'unknown']),
  urls: z.strictObject({ renewal: z.string(), suspension: z.string(), revocation: z.string() }).nullable(),
  alreadyRenewed: z.boolean(),
  canRenewOnline: z.boolean(),
  /** one plain sentence in the user's language */
  message: z.string(),
});
export type RenewalStatus = z.infer<typeof RenewalStatusSchema>;

export const PinStatusSchema = z.object({
  countLow: z.boolean(),
  finalTry: z.boolean(),
  locked: z.boolean(),
  toBeChanged: z.boolean(),
  initialized: z.boolean(),
});
export type PinStatus = z.infer<typeof PinStatusSchema>;

export const TokenCertificateSchema = z.object({
  /** CKA_ID, hex */
  id: z.string(),
  label: z.string(),
  role: CertRoleSchema,
  info: CertInfoSchema,
  renewal: RenewalStatusSchema.nullable(),
});
export type TokenCertificateView = z.infer<typeof TokenCertificateSchema>;

export const TokenSchema = z.object({
  /** PKCS#11 slot id, decimal string */
  slotId: z.string(),
  slotDescription: z.string(),
  label: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serialNumber: z.string(),
  loginRequired: z.boolean().optional(),
  /** the PIN is typed on the reader's pad */
  protectedAuthPath: z.boolean().optional(),
  userPin: PinStatusSchema,
  /** on a CNS the SO PIN is the PUK */
  soPin: PinStatusSchema,
  minPinLength: z.number(),
  maxPinLength: z.number(),
  certificates: z.array(TokenCertificateSchema),
  caCertificates: z.array(TokenCertificateSchema),
  /** device summary: the state of the certificate that drives it (null: no end-entity certificate) */
  renewal: RenewalStatusSchema.nullable(),
});
export type TokenView = z.infer<typeof TokenSchema>;

export const ListTokensRequestSchema = z.strictObject({ refresh: z.boolean().optional() });
export type ListTokensRequest = z.infer<typeof ListTokensRequestSchema>;

export const ListTokensResponseSchema = z.strictObject({
  /** the PKCS#11 module in use, or null when none was found */
  module: z.string().nullable(),
  tokens: z.array(TokenSchema),
});
export type ListTokensResponse = z.infer<typeof ListTokensResponseSchema>;

export const ExportCertificateRequestSchema = z.strictObject({
  token: NonEmptyTextSchema,
  certId: z.string().regex(/^[0-9a-fA-F]{1,128}$/),
  /** where to write the .cer (DER); never overwritten silently */
  outputPath: AbsolutePathSchema,
  overwrite: z.boolean().optional(),
});
export type ExportCertificateRequest = z.infer<typeof ExportCertificateRequestSchema>;

export const PathResponseSchema = z.strictObject({ path: AbsolutePathSchema });
export type PathResponse = z.infer<typeof PathResponseSchema>;

export const TokenLabelSchema = TextSchema;
