/** The visual comparison of a verified PDF's signed revisions with the final document (issue 23). */
import { z } from 'zod';
import { AbsolutePathSchema, OperationIdSchema } from './common';

export const VisualDiffRequestSchema = z.strictObject({
  operationId: OperationIdSchema,
  /** the verification the file belongs to (verify's reportId): only its files are compared */
  reportId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  file: AbsolutePathSchema,
});
export type VisualDiffRequest = z.infer<typeof VisualDiffRequestSchema>;

const PageBoxSchema = z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

/** a side-by-side PNG as a data: URL (the CSP allows data: images); a changed page is well under this */
const PNG_DATA_URL = 'data:image/png;base64,';
const MAX_IMAGE_CHARS = 16 << 20;

export const VisualPageSchema = z.strictObject({
  page: z.number().int().min(1),
  kind: z.enum(['changed', 'added', 'removed']),
  changedFraction: z.number().min(0).max(1),
  /** the changed regions in PDF points, origin bottom-left */
  boxes: z.array(PageBoxSchema).max(10_000),
  image: z.string().max(MAX_IMAGE_CHARS).startsWith(PNG_DATA_URL),
  imageWidth: z.number().int().min(1),
  imageHeight: z.number().int().min(1),
});
export type VisualPage = z.infer<typeof VisualPageSchema>;

export const SignatureVisualSchema = z.strictObject({
  /** 1-based signature of the file report */
  signature: z.number().int().min(1),
  pagesSigned: z.number().int().min(0),
  pagesNow: z.number().int().min(0),
  pages: z.array(VisualPageSchema),
  identical: z.array(z.number().int().min(1)),
  notCompared: z.array(z.number().int().min(1)),
});
export type SignatureVisual = z.infer<typeof SignatureVisualSchema>;

export const VisualDiffResponseSchema = z.strictObject({
  file: z.string(),
  signatures: z.array(SignatureVisualSchema),
});
export type VisualDiffResponse = z.infer<typeof VisualDiffResponseSchema>;
