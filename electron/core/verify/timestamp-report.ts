/** The report of one RFC 3161 timestamp, as `sigillo verify --json` prints it. Types only. */
import type { ChainEntry, Indication, SubIndication } from './types';

/** What verification shows of one timestamp. Plain JSON. */
export interface TimestampReport {
  /** the proven time (TSTInfo genTime), ISO 8601 */
  genTime: string;
  policy: string;
  serialNumber: string;
  hashAlgorithm: string;
  /** the TSA certificate's common name (or subject) */
  tsa: string | null;
  /** the imprint matches the timestamped data */
  imprintMatches: boolean;
  /** imprint and token signature both check out */
  integrity: 'valid' | 'invalid';
  indication: Indication;
  subIndication: SubIndication | null;
  explanation: string;
  chain: ChainEntry[];
  messages: string[];
  /** on a signature: 'signature' (signature-time-stamp) or 'archive' (archive-time-stamp-v3, CAdES-LTA) */
  type?: 'signature' | 'archive';
}
