/** Signing: one request per batch; the PIN travels once, in the request, and never comes back. */
import { z } from 'zod';
import {
  AbsolutePathSchema,
  DigestSchema,
  ErrorInfoSchema,
  FileListSchema,
  NonEmptyTextSchema,
  OperationIdSchema,
  SecretSchema,
} from './common';

export const SignFormatSchema = z.enum(['auto', 'cades', 'pades', 'xades']);
export type SignFormat = z.infer<typeof SignFormatSchema>;

/** B plain; T with a signature timestamp; LT with certificates and revocation data; LTA with an archive timestamp */
export const SignLevelSchema = z.enum(['B', 'T', 'LT', 'LTA']);
export type SignLevel = z.infer<typeof SignLevelSchema>;

const coordinate = z.number().finite().min(0).max(100_000);

/** Visible PDF signature box, PDF user-space units (points, origin bottom-left), page 1-based. */
export const VisibleBoxSchema = z.strictObject({
  page: z.number().int().min(1).max(100_000),
  x: coordinate,
  y: coordinate,
  w: coordinate.min(1),
  h: coordinate.min(1),
});
export type VisibleBox = z.infer<typeof VisibleBoxSchema>;

export const SignRequestSchema = z.strictObject({
  operationId: OperationIdSchema,
  files: FileListSchema,
  format: SignFormatSchema,
  /** token label */
  token: NonEmptyTextSchema,
  /** CKA_ID hex of the certificate; default: the signature (nonRepudiation) certificate */
  certId: z
    .string()
    .regex(/^[0-9a-fA-F]{1,128}$/)
    .optional(),
  digest: DigestSchema,
  visible: VisibleBoxSchema.optional(),
  /** default: beside each input */
  outputDir: AbsolutePathSchema.optional(),
  overwrite: z.boolean(),
  /** CAdES: wrap an existing p7m in a new envelope instead of adding a parallel signature */
  nest: z.boolean().optional(),
  /** older switch: true = level T (when `level` is absent) */
  timestamp: z.boolean().optional(),
  /** when an output exists, write under the first free "NAME (2).ext" (the core picks it at write time) */
  rename: z.boolean().optional(),
  /** default B (T when `timestamp`); T and above use the TSA of the settings */
  level: SignLevelSchema.optional(),
  /** CAdES detached: FILE → FILE.p7s without the content */
  detached: z.boolean().optional(),
  /** counter-sign signature N (1 = the first) of each .p7m instead of adding a signature */
  countersign: z.number().int().min(1).max(9999).optional(),
  pin: SecretSchema,
});
export type SignRequest = z.infer<typeof SignRequestSchema>;

/** What signing would write, asked before the PIN (no card): outputs that exist, files the format cannot sign. */
export const PlanSignRequestSchema = z.strictObject({
  files: FileListSchema,
  format: SignFormatSchema,
  outputDir: AbsolutePathSchema.optional(),
  nest: z.boolean().optional(),
  /** CAdES detached: FILE.p7s */
  detached: z.boolean().optional(),
});
export type PlanSignRequest = z.infer<typeof PlanSignRequestSchema>;

export const SignPlanSchema = z.strictObject({
  file: z.string(),
  format: z.enum(['cades', 'pades', 'xades']),
  /** null when the file cannot be signed (error says why) */
  output: z.string().nullable(),
  exists: z.boolean(),
  /** the first free "NAME (2).ext" when the output exists */
  freeName: z.string().nullable(),
  error: ErrorInfoSchema.nullable(),
});
export type SignPlan = z.infer<typeof SignPlanSchema>;

export const PlanSignResponseSchema = z.strictObject({ files: z.array(SignPlanSchema) });
export type PlanSignResponse = z.infer<typeof PlanSignResponseSchema>;

export const SignFileResultSchema = z.strictObject({
  file: z.string(),
  format: z.enum(['cades', 'pades', 'xades']).nullable(),
  output: z.string().nullable(),
  error: ErrorInfoSchema.nullable(),
});
export type SignFileResult = z.infer<typeof SignFileResultSchema>;

export const SignResponseSchema = z.strictObject({
  results: z.array(SignFileResultSchema),
  cancelled: z.boolean(),
});
export type SignResponse = z.infer<typeof SignResponseSchema>;

export const CancelRequestSchema = z.strictObject({ operationId: OperationIdSchema });
export type CancelRequest = z.infer<typeof CancelRequestSchema>;

export const SignerRefSchema = z.strictObject({ token: NonEmptyTextSchema });
