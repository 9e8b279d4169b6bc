/** RFC 3161 timestamps in the verify report (issue 10): file timestamps (.tsd/.tsr/.m7m) and signature timestamps. */
import { z } from 'zod';
import {
  ChainEntrySchema,
  IndicationSchema,
  IntegritySchema,
  LocalisedTextSchema,
  SubIndicationSchema,
} from './report-parts';

export const TimestampReportSchema = z.strictObject({
  /** the proven time (TSTInfo genTime), ISO 8601 */
  genTime: z.string(),
  policy: z.string(),
  serialNumber: z.string(),
  hashAlgorithm: z.string(),
  /** the TSA certificate's common name (or subject) */
  tsa: z.string().nullable(),
  /** the imprint matches the timestamped data */
  imprintMatches: z.boolean(),
  /** imprint and token signature both check out */
  integrity: IntegritySchema,
  indication: IndicationSchema,
  subIndication: SubIndicationSchema.nullable(),
  explanation: z.string(),
  /** `explanation` in both languages */
  explanationText: LocalisedTextSchema.optional(),
  chain: z.array(ChainEntrySchema),
  messages: z.array(z.string()),
  /** `messages` in both languages, one for one */
  messageTexts: z.array(LocalisedTextSchema).optional(),
  /** on a signature: 'signature' (signature-time-stamp) or 'archive' (archive-time-stamp-v3, CAdES-LTA) */
  type: z.enum(['signature', 'archive']).optional(),
});
export type TimestampReport = z.infer<typeof TimestampReportSchema>;
