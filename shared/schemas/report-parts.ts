/**
 * The building blocks of the verification report (issue 20 §3): indications, signer, chain entries, revocation.
 * These schemas are the one definition: the core's report types are `z.infer` of them (electron/core/verify/types.ts).
 * Strict objects: a field the schema does not name is an error, so the schema cannot drift from the core.
 */
import { z } from 'zod';

/** ETSI EN 319 102-1 main indication. */
export const IndicationSchema = z.enum(['TOTAL_PASSED', 'TOTAL_FAILED', 'INDETERMINATE']);
export type Indication = z.infer<typeof IndicationSchema>;

/** The ETSI EN 319 102-1 sub-indications the core emits. */
export const SubIndicationSchema = z.enum([
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'CHAIN_CONSTRAINTS_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
  'REVOKED_NO_POE',
  'REVOKED_CA_NO_POE',
  'OUT_OF_BOUNDS_NO_POE',
  'TRY_LATER',
  'SIGNED_DATA_NOT_FOUND',
]);
export type SubIndication = z.infer<typeof SubIndicationSchema>;

export const IntegritySchema = z.enum(['valid', 'invalid']);

/** A text in both languages (core/i18n Message). */
export const LocalisedTextSchema = z.strictObject({ it: z.string(), en: z.string() });
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;

export const SignerSummarySchema = z.strictObject({
  commonName: z.string().nullable(),
  fiscalCode: z.string().nullable(),
  givenName: z.string().nullable(),
  surname: z.string().nullable(),
  organization: z.string().nullable(),
});
export type SignerSummary = z.infer<typeof SignerSummarySchema>;

export const RevocationStatusSchema = z.enum(['good', 'revoked', 'unknown', 'not_checked']);
export type RevocationStatus = z.infer<typeof RevocationStatusSchema>;

export const RevocationReportSchema = z.strictObject({
  status: RevocationStatusSchema,
  /** 'ocsp' | 'crl' when an answer was found */
  source: z.enum(['ocsp', 'crl']).nullable(),
  /** where the answer came from (URL); null when none */
  url: z.string().nullable(),
  /** the answer came from the disk cache */
  cached: z.boolean(),
  revocationTime: z.string().nullable(),
  revocationReason: z.string().nullable(),
  thisUpdate: z.string().nullable(),
  nextUpdate: z.string().nullable(),
  /** plain-language reason when status is unknown / not_checked */
  message: z.string().nullable(),
  /** `message` in both languages: what the window and the report PDF show, in the language chosen then */
  messageText: LocalisedTextSchema.nullable().optional(),
});
export type RevocationReport = z.infer<typeof RevocationReportSchema>;

/** One certificate of the chain, signer first, trust anchor last. */
export const ChainEntrySchema = z.strictObject({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprintSha256: z.string(),
  /** this certificate is a trust anchor (from --trust or a trust source) */
  trustAnchor: z.boolean(),
  /** where the anchor comes from, e.g. "file:/path/root.pem" */
  trustSource: z.string().nullable(),
  revocation: RevocationReportSchema.nullable(),
});
export type ChainEntry = z.infer<typeof ChainEntrySchema>;
