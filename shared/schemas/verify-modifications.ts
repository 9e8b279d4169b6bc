/** The changes made after a PDF signature (issue 18): structured items plus the summary fields. */
import { z } from 'zod';
import { LocalisedTextSchema } from './report-parts';

/** what a change is, as the rules name it */
export const ChangeKindSchema = z.enum([
  'signature',
  'timestamp',
  'dss',
  'metadata',
  'catalog',
  'form-fill',
  'annotation',
  'page-content',
  'pages',
  'appearance',
  'signature-replaced',
  'object',
  'too-complex',
]);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

/** one change found after the signed revision, with the rule that allowed or refused it */
export const ChangeItemSchema = z.strictObject({
  kind: ChangeKindSchema,
  allowed: z.boolean(),
  /** the rule that decided (e.g. "dss", "form-fill", "docmdp", "page-content") */
  rule: z.string(),
  /** that rule in words, Italian and English */
  ruleText: LocalisedTextSchema,
  /** 1-based page concerned, when known */
  page: z.number().int().nullable(),
  /** object number concerned, when one */
  object: z.number().int().nullable(),
  /** field or annotation name (or annotation subtype) */
  name: z.string().nullable(),
  /** the decision in words, Italian and English */
  reason: LocalisedTextSchema,
});
export type ChangeItem = z.infer<typeof ChangeItemSchema>;

export const ModificationsSchema = z.strictObject({
  /** incremental updates after the signed revision */
  laterRevisions: z.number().int(),
  /** false when a later update changed something signing does not permit */
  allowed: z.boolean(),
  /** 1-based pages with changes that are not allowed (pages added included) */
  pages: z.array(z.number().int()),
  /** object numbers with changes that are not allowed */
  objects: z.array(z.number().int()),
  /** the changes that are not allowed, in the user's language */
  changes: z.array(z.string()),
  /** `changes` in both languages, one for one */
  changeTexts: z.array(LocalisedTextSchema).optional(),
  /** kinds of permitted changes found: signature, timestamp, dss, form-fill, annotation, metadata, catalog */
  allowedChanges: z.array(z.string()),
  /** every change found, allowed or not, with the rule that decided */
  items: z.array(ChangeItemSchema),
});
export type Modifications = z.infer<typeof ModificationsSchema>;
