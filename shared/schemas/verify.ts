/**
 * The verification report (issue 4 shape, issue 20 §3: one model): the JSON `sigillo verify --json` prints, the
 * worker returns and the page shows. The core's report types are `z.infer` of these schemas. Strict objects and
 * enums throughout: `test/verify/report-schema.test.ts` parses real reports with them.
 */
import { z } from 'zod';
import { AbsolutePathSchema, ErrorInfoSchema, FileListSchema, OperationIdSchema } from './common';
import { CertInfoSchema } from './certificates';
import {
  ChainEntrySchema,
  IndicationSchema,
  IntegritySchema,
  LocalisedTextSchema,
  RevocationReportSchema,
  SignerSummarySchema,
  SubIndicationSchema,
} from './report-parts';
import { ContainerSchema, FatturaPaSchema } from './verify-xades';
import { TimestampReportSchema } from './verify-timestamps';
import { ModificationsSchema } from './verify-modifications';

export * from './report-parts';
export * from './verify-modifications';
export * from './verify-timestamps';
export * from './verify-xades';

export const CadesFormSchema = z.enum([
  'CAdES-BES',
  'CAdES-EPES',
  'CMS',
  'XAdES-BES',
  'XAdES-EPES',
  'XAdES-T',
  'XAdES-BASELINE-T',
  'XAdES-LT',
  'XMLDSig',
]);
export type CadesForm = z.infer<typeof CadesFormSchema>;

/**
 * One CMS/CAdES or XAdES signature (the core builds these: electron/core/verify/types.ts SignatureReport). A PDF
 * signature adds the fields of PdfSignatureReportSchema.
 */
export const BaseSignatureReportSchema = z.strictObject({
  signer: SignerSummarySchema,
  /** the signingTime attribute (claimed, not proven), ISO 8601 */
  signingTime: z.string().nullable(),
  digestAlgorithm: z.string(),
  signatureAlgorithm: z.string(),
  integrity: IntegritySchema,
  indication: IndicationSchema,
  subIndication: SubIndicationSchema.nullable(),
  /** a plain-language explanation of the indication, in the user's language */
  explanation: z.string(),
  /** `explanation` in both languages (issue 21 flow 5: the window and the report follow a language switch) */
  explanationText: LocalisedTextSchema.optional(),
  qualified: z.boolean(),
  /** 0 = outermost signature envelope; +1 for each nested p7m level */
  depth: z.number().int().min(0),
  cadesForm: CadesFormSchema,
  /** the signature has a signature-time-stamp unsigned attribute (checked by issue 10) */
  hasTimestamp: z.boolean(),
  /** the signature timestamps, checked (issue 10); the earliest valid genTime is the proven signing time */
  timestamps: z.array(TimestampReportSchema).optional(),
  certificate: CertInfoSchema.nullable(),
  chain: z.array(ChainEntrySchema),
  revocation: RevocationReportSchema.nullable(),
  /** every finding, in the user's language */
  messages: z.array(z.string()),
  /** a detached signature verified without its content: SIGNED_DATA_NOT_FOUND only for that reason */
  contentMissing: z.literal(true).optional(),
  /**
   * an XML signature that signs only part of the file holding it (some of its elements, or only files beside it
   * while it sits inside another XML document): valid for what it signs, the rest of the file is not signed
   */
  partialScope: z.literal(true).optional(),
  /** `messages` in both languages, one for one */
  messageTexts: z.array(LocalisedTextSchema).optional(),
  /** signatures over this one's signature value (unsigned attribute countersignature) */
  get counterSignatures(): z.ZodArray<typeof BaseSignatureReportSchema> {
    return z.array(BaseSignatureReportSchema);
  },
});
export type BaseSignatureReport = z.infer<typeof BaseSignatureReportSchema>;

const PDF_FIELDS = {
  fieldName: z.string(),
  subFilter: z.string(),
  /** ETSI.RFC3161 document timestamp rather than a signature */
  documentTimestamp: z.boolean(),
  byteRange: z.array(z.number()),
  /** 1-based revision signed by this signature; null when its ranges do not end at a revision end */
  revision: z.number().int().nullable(),
  coversWholeDocument: z.boolean(),
  /** changes made after this signature (null when it covers the whole document) */
  modifications: ModificationsSchema.nullable(),
};

/** A PDF signature or document timestamp (issue 5): field, SubFilter, revision, coverage, later changes. */
export const PdfSignatureReportSchema = BaseSignatureReportSchema.extend(PDF_FIELDS);
export type PdfSignatureReport = z.infer<typeof PdfSignatureReportSchema>;

/** the PDF fields are absent from any other signature (typed so that `s.modifications` reads on either kind) */
const absent = z.never().optional();
const NotPdfSignatureReportSchema = BaseSignatureReportSchema.extend({
  fieldName: absent,
  subFilter: absent,
  documentTimestamp: absent,
  byteRange: absent,
  revision: absent,
  coversWholeDocument: absent,
  modifications: absent,
} satisfies Record<keyof typeof PDF_FIELDS, typeof absent>);

/** Any signature of a report as the page sees it: a PDF one with the PDF fields, any other without them. */
export const SignatureReportSchema = z.union([PdfSignatureReportSchema, NotPdfSignatureReportSchema]);
export type SignatureReport = z.infer<typeof SignatureReportSchema>;

export const FileFormatSchema = z.enum([
  'cades',
  'cms',
  'pades',
  'xades',
  'asic-s',
  'asic-e',
  'tsd',
  'tsr',
  'm7m',
]);
export type FileFormat = z.infer<typeof FileFormatSchema>;

export const FileReportSchema = z.strictObject({
  file: z.string(),
  /** 'cades' | 'cms' (plain CMS without signingCertificate attributes) | 'pades' | …; null if unreadable */
  format: FileFormatSchema.nullable(),
  error: ErrorInfoSchema.nullable(),
  /** `error.message` in both languages, when the core wrote it */
  errorText: LocalisedTextSchema.optional(),
  signatures: z.array(SignatureReportSchema),
  /** detached signature: the content file that was checked */
  content: z.string().optional(),
  /** PDF: number of revisions (incremental updates + the original) */
  revisions: z.number().int().optional(),
  /** the timestamps of a .tsd / .tsr / .m7m file (issue 10) */
  timestamps: z.array(TimestampReportSchema).optional(),
  /** FatturaPA invoice key data, when the signed content is an invoice (issue 13) */
  fatturapa: FatturaPaSchema.optional(),
  /** ASiC container: its files and the signatures covering each (issue 13) */
  container: ContainerSchema.optional(),
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
