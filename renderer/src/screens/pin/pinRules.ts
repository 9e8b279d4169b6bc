/** Checks a new PIN typed twice against the token's length rules; returns an i18n key or null when fine. */
export function newPinProblem(
  pin: string,
  repeat: string,
  min: number,
  max: number,
  old?: string,
): string | null {
  if (pin.length === 0) return 'pin.errors.empty';
  if (pin.length < min || pin.length > max) return 'pin.errors.length';
  if (!/^[\x20-\x7e]+$/.test(pin)) return 'pin.errors.chars';
  if (pin !== repeat) return 'pin.errors.mismatch';
  if (old !== undefined && old === pin) return 'pin.errors.same';
  return null;
}
