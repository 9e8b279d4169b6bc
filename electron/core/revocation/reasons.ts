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

/**
 * A certificateHold (reason 6) is a suspension, which may be lifted: EN 319 102-1 and DSS (CertificateOnHoldCheck)
 * give INDETERMINATE/TRY_LATER, never REVOKED. The report keeps status 'revoked' (no source's "good" hides it)
 * with this reason and says the certificate is suspended.
 */
export const HOLD = 'certificateHold';

export const HOLD_MESSAGE = {
  it: 'Il certificato è sospeso (certificateHold): la sospensione può essere revocata, riprova più tardi.',
  en: 'The certificate is suspended (certificateHold): the suspension may be lifted, try again later.',
};

export function isHold(r: { status: string; revocationReason: string | null } | null | undefined): boolean {
  return r?.status === 'revoked' && r.revocationReason === HOLD;
}

export function reasonName(code: number | undefined): string | null {
  if (code === undefined) return null;
  return REASONS[code] ?? String(code);
}
