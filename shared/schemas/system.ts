/** App info, dialogs, links, folders, PDF preview bytes. */
import { z } from 'zod';
import { AbsolutePathSchema, TextSchema } from './common';

export const AppInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** 'electron' in the app, 'harness' in the loopback browser harness */
  host: z.enum(['electron', 'harness']),
  /** OS locale language, 'it' | 'en' (the UI default when settings.language is 'auto') */
  osLanguage: z.enum(['it', 'en']),
  userDataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** Hosts that openExternal may open (https only): CA InfoCamere and the Chambers of Commerce. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'id.infocamere.it',
  'www.card.infocamere.it',
  'card.infocamere.it',
  'www.infocamere.it',
  'www.camcom.it',
  'camcom.it',
  'www.registroimprese.it',
];

/** True for https URLs to an allow-listed host (or a Chamber of Commerce site, *.camcom.it), no credentials/port. */
export function isAllowedExternalUrl(raw: string): boolean {
  if (raw.length > 2048) return false;
  const m = /^https:\/\/([a-z0-9.-]+)(\/[^\s\\]*)?$/i.exec(raw);
  if (!m || !m[1]) return false;
  const host = m[1].toLowerCase();
  return EXTERNAL_HOSTS.includes(host) || /^(?:[a-z0-9-]+\.)+camcom\.it$/.test(host);
}

export const OpenExternalRequestSchema = z.strictObject({
  url: z.string().refine(isAllowedExternalUrl, 'URL not allowed'),
});
export type OpenExternalRequest = z.infer<typeof OpenExternalRequestSchema>;

export const PathRequestSchema = z.strictObject({ path: AbsolutePathSchema });
export type PathRequest = z.infer<typeof PathRequestSchema>;

export const FileKindSchema = z.enum(['any', 'sign', 'verify', 'pdf', 'p7m']);
export const ChooseFilesRequestSchema = z.strictObject({
  kind: FileKindSchema,
  title: TextSchema.optional(),
});
export type ChooseFilesRequest = z.infer<typeof ChooseFilesRequestSchema>;
export const ChooseFilesResponseSchema = z.strictObject({ paths: z.array(AbsolutePathSchema) });
export type ChooseFilesResponse = z.infer<typeof ChooseFilesResponseSchema>;

export const ChooseFolderRequestSchema = z.strictObject({ title: TextSchema.optional() });
export type ChooseFolderRequest = z.infer<typeof ChooseFolderRequestSchema>;
export const ChoosePathResponseSchema = z.strictObject({ path: AbsolutePathSchema.nullable() });
export type ChoosePathResponse = z.infer<typeof ChoosePathResponseSchema>;

export const ChooseSavePathRequestSchema = z.strictObject({
  /** file name only (no folder) */
  defaultName: z
    .string()
    .min(1)
    .max(255)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\\/\u0000-\u001f]+$/)
    .refine((n) => n !== '.' && n !== '..'),
  kind: z.enum(['pdf', 'cer', 'any']),
  title: TextSchema.optional(),
});
export type ChooseSavePathRequest = z.infer<typeof ChooseSavePathRequestSchema>;

export const PdfPreviewResponseSchema = z.strictObject({
  /** base64 of the PDF bytes */
  base64: z.string(),
  size: z.number(),
});
export type PdfPreviewResponse = z.infer<typeof PdfPreviewResponseSchema>;
