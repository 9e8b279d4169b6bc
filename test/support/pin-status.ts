/** Test helper: PIN states as a token reports them (PinStatus of electron/core/pkcs11/token-types.ts). */
import type { PinStatus } from '../../electron/core/pkcs11/token-types';

/** An initialised PIN with no wrong attempt: what a fresh SoftHSM token reports. */
export const PIN_OK: PinStatus = {
  countLow: false,
  finalTry: false,
  locked: false,
  toBeChanged: false,
  initialized: true,
};
