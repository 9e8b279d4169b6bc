/** The report of one RFC 3161 timestamp, as `sigillo verify --json` prints it: the type of the shared schema. */
export type { TimestampReport } from '../../../shared/schemas/verify-timestamps';
