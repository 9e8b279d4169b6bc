/**
 * The revocation status of one certificate, as the verification report shows it: the types of the shared schema
 * (shared/schemas/report-parts.ts, issue 20 §3).
 */
export type { RevocationReport, RevocationStatus } from '../../../shared/schemas/report-parts';
