import type { Qualification } from './qualifications';

/**
 * Where trust anchors come from. `--trust FILE` gives a file source; issue 11 (EU trusted lists) adds a source
 * whose anchors carry the service status and the qualified flag.
 */
export interface TrustAnchor {
  /** the anchor certificate, DER */
  der: Uint8Array;
  /** a short description of where it comes from, e.g. "file:/etc/root.pem" or "tl:IT" */
  source: string;
  /**
   * For trusted-list anchors: the service issues qualified certificates (status granted at the best signature time).
   * Undefined for plain anchors (--trust files).
   */
  qualified?: boolean;
  /** For trusted-list anchors: the service's qualifications (which certificates are qualified, or not). */
  qualifications?: Qualification[];
  /**
   * For trusted-list anchors: the periods the service status made it an anchor (granted), oldest first, each
   * with its qualified flag. An anchor with periods is an anchor only at a time inside one of them.
   */
  periods?: { from: Date; to?: Date; qualified: boolean; qualifications?: Qualification[] }[];
}

export interface TrustSource {
  readonly name: string;
  /** The anchors this source trusts (for the given signing time when the source has a status history). */
  anchors(at?: Date): Promise<TrustAnchor[]>;
}
