/** "Apri il documento firmato" (issue 21 flow 5): a verified file's signed document for the system viewer. */
import { z } from 'zod';
import { AbsolutePathSchema } from './common';

export const OpenSignedRequestSchema = z.strictObject({
  /** the verification the file belongs to (verify's reportId): only its files, as they were verified */
  reportId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  file: AbsolutePathSchema,
  /** a signed PDF: the 1-based signature whose revision to open (default the last) */
  signature: z.number().int().min(1).max(10_000).optional(),
});

/** 'program' / 'script' / 'active' (a page that runs code): saved, not opened; null: a document */
const ContentRiskSchema = z.enum(['program', 'script', 'active']).nullable();

/** what the worker wrote in the app's private temporary folder */
export const OpenedDocumentSchema = z.strictObject({
  path: AbsolutePathSchema,
  /** the file name (the original's, or `contratto (firmata da Rossi).pdf` for a PDF revision) */
  name: z.string().min(1).max(255),
  size: z.number().int().min(0),
  risk: ContentRiskSchema,
});

export const OpenSignedResponseSchema = OpenedDocumentSchema.extend({
  /** 'opened': handed to the system viewer; 'download': the harness offers it as a browser download at
   * `downloadUrl`; 'saved': not opened (a program or script), the page shows where it is */
  outcome: z.enum(['opened', 'download', 'saved']),
  downloadUrl: z
    .string()
    .regex(/^\/download\/[A-Za-z0-9_-]{8,64}\?token=[A-Za-z0-9_-]*$/)
    .optional(),
});
export type OpenSignedResponse = z.infer<typeof OpenSignedResponseSchema>;
