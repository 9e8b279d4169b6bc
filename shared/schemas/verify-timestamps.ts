/** RFC 3161 timestamps in the verify report (issue 10): file timestamps (.tsd/.tsr/.m7m) and signature timestamps. */
import { z } from 'zod';

export const TimestampReportSchema = z.object({
  /** the proven time (TSTInfo genTime), ISO 8601 */
  genTime: z.string(),
  policy: z.string(),
  serialNumber: z.string(),
  hashAlgorithm: z.string(),
  /** the TSA certificate's common name */
  tsa: z.string().nullable(),
  imprintMatches: z.boolean(),
  integrity: z.enum(['valid', 'invalid']),
  indication: z.enum(['TOTAL_PASSED', 'TOTAL_FAILED', 'INDETERMINATE']),
  subIndication: z.string().nullable(),
  explanation: z.string(),
  chain: z.array(z.unknown()),
  messages: z.array(z.unknown()),
  /** on a signature: signature-time-stamp or CAdES archive-time-stamp-v3 */
  type: z.enum(['signature', 'archive']).optional(),
});
export type TimestampReportView = z.infer<typeof TimestampReportSchema>;
