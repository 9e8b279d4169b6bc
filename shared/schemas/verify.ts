/** Verification (issue 4 report shape), report export and content extraction. */
import { z } from 'zod';
import { AbsolutePathSchema, ErrorInfoSchema, FileListSchema, OperationIdSchema } from './common';
import { CertInfoSchema } from './certificates';
import { ContainerSchema, FatturaPaSchema } from './verify-xades';
import { TimestampReportSchema } from './verify-timestamps';

export const IndicationSchema = z.enum(['TOTAL_PASSED', 'TOTAL_FAILED', 'INDETERMINATE']);
export type Indication = z.infer<typeof IndicationSchema>;

export const SignatureReportSchema = z.object({
  signer: z.object({
    commonName: z.string().optional().nullable(),
    fiscalCode: z.string().optional().nullable(),
    givenName: z.string().optional().nullable(),
    surname: z.string().optional().nullable(),
    organization: z.string().optional().nullable(),
  }),
  signingTime: z.string().nullable().optional(),
  digestAlgorithm: z.string().optional(),
  signatureAlgorithm: z.string().optional(),
  integrity: z.enum(['valid', 'invalid']),
  /** plain-language explanation of the indication, in the user's language */
  explanation: z.string().optional(),
  cadesForm: z.string().optional(),
  hasTimestamp: z.boolean().optional(),
  /** signature timestamps, checked (issue 10) */
  timestamps: z.array(TimestampReportSchema).optional(),
  indication: IndicationSchema,
  subIndication: z.string().nullable().optional(),
  qualified: z.boolean().optional(),
  depth: z.number().int().min(0),
  certificate: CertInfoSchema.nullable().optional(),
  chain: z.array(z.unknown()).optional(),
  revocation: z.unknown().optional(),
  messages: z.array(z.unknown()).optional(),
  counterSignatures: z.array(z.unknown()).optional(),
  /** PDF signatures (issue 5): field, SubFilter, revision, coverage and the changes made after signing */
  fieldName: z.string().optional(),
  subFilter: z.string().optional(),
  documentTimestamp: z.boolean().optional(),
  byteRange: z.array(z.number()).optional(),
  revision: z.number().int().nullable().optional(),
  coversWholeDocument: z.boolean().optional(),
  modifications: z
    .looseObject({
      laterRevisions: z.number().int().optional(),
      allowed: z.boolean().optional(),
      pages: z.array(z.number().int()).optional(),
      objects: z.array(z.number().int()).optional(),
      changes: z.array(z.string()).optional(),
      allowedChanges: z.array(z.string()).optional(),
      /** every change after signing (issue 18): kind, page, object, field/annotation name, deciding rule */
      items: z
        .array(
          z.looseObject({
            kind: z.string(),
            allowed: z.boolean(),
            rule: z.string(),
            ruleText: z.object({ it: z.string(), en: z.string() }),
            page: z.number().int().nullable(),
            object: z.number().int().nullable(),
            name: z.string().nullable(),
            reason: z.object({ it: z.string(), en: z.string() }),
          }),
        )
        .optional(),
    })
    .nullable()
    .optional(),
});
export type SignatureReport = z.infer<typeof SignatureReportSchema>;

export const FileReportSchema = z.object({
  file: z.string(),
  format: z.string().nullable(),
  error: ErrorInfoSchema.nullable(),
  signatures: z.array(SignatureReportSchema),
  /** FatturaPA invoice key data (issue 13) */
  fatturapa: FatturaPaSchema.optional(),
  /** ASiC container files and coverage (issue 13) */
  container: ContainerSchema.optional(),
  /** timestamps of a .tsd / .tsr / .m7m file (issue 10) */
  timestamps: z.array(TimestampReportSchema).optional(),
});
export type FileReport = z.infer<typeof FileReportSchema>;

export const VerifyRequestSchema = z
  .strictObject({
    operationId: OperationIdSchema,
    files: FileListSchema,
    offline: z.boolean(),
    /** detached .p7s content (only with a single file) */
    content: AbsolutePathSchema.optional(),
  })
  .refine((r) => r.content === undefined || r.files.length === 1, {
    message: 'content goes with a single file',
    path: ['content'],
  });
export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;

export const VerifyResponseSchema = z.strictObject({
  /** handle for exportReport: the reports stay in the main process, the page never sends them back */
  reportId: z.string(),
  reports: z.array(FileReportSchema),
});
export type VerifyResponse = z.infer<typeof VerifyResponseSchema>;

export const ExportReportRequestSchema = z.strictObject({
  reportId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  outputPath: AbsolutePathSchema,
  overwrite: z.boolean().optional(),
  /** the one file of the verification to report on; absent: every file of it (the batch) */
  file: AbsolutePathSchema.optional(),
});
export type ExportReportRequest = z.infer<typeof ExportReportRequestSchema>;

export const ExtractRequestSchema = z.strictObject({
  files: FileListSchema,
  outputDir: AbsolutePathSchema.optional(),
  overwrite: z.boolean(),
  /** extract even when integrity fails */
  force: z.boolean().optional(),
});
export type ExtractRequest = z.infer<typeof ExtractRequestSchema>;

export const ExtractFileResultSchema = z.object({
  file: z.string(),
  output: z.string().nullable(),
  error: ErrorInfoSchema.nullable(),
  /** 'invalid': a level's signature does not verify (extracted only with force) */
  integrity: z.enum(['valid', 'invalid']).nullable(),
  /** signature envelopes unwrapped */
  levels: z.number().int().min(0),
});
export const ExtractResponseSchema = z.strictObject({ results: z.array(ExtractFileResultSchema) });
export type ExtractResponse = z.infer<typeof ExtractResponseSchema>;
