/**
 * The PIN typed to sign, checked in the page before it travels: CNS PINs are 5–8 digits (the core checks again
 * before touching the card, core/pkcs11 checkPinEntry), narrowed by the token's own limits when they overlap.
 */
export interface PinEntryRules {
  min: number;
  max: number;
}

export const CNS_PIN = { min: 5, max: 8 } as const;

export function pinEntryRules(token: { minPinLength: number; maxPinLength: number }): PinEntryRules {
  const tokMin = token.minPinLength > 0 ? token.minPinLength : 1;
  const tokMax = token.maxPinLength > 0 && token.maxPinLength < 256 ? token.maxPinLength : 255;
  const min = Math.max(tokMin, CNS_PIN.min);
  const max = Math.min(tokMax, CNS_PIN.max);
  return min > max ? { min: tokMin, max: tokMax } : { min, max };
}

export function pinEntryOk(pin: string, rules: PinEntryRules): boolean {
  return pin.length >= rules.min && pin.length <= rules.max && /^[0-9]+$/.test(pin);
}
