/** CRLReason names (RFC 5280 §5.3.1). */
const REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'unused',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];

export function reasonName(code: number | undefined): string | null {
  if (code === undefined) return null;
  return REASONS[code] ?? String(code);
}
