/** PIN change and PUK unblock through H's pin-management; the secrets are zeroed after use. */
import { changePin as coreChangePin, unblockPin as coreUnblockPin } from '../../core/pkcs11/pin-management';
import type { OpHandler } from '../op-types';
import { secretBuffer, withService, type CardParams } from './card-session';

interface PinParams extends CardParams {
  token: string;
}

async function runPin(
  params: PinParams,
  fn: typeof coreChangePin | typeof coreUnblockPin,
  first: string,
  second: string,
): Promise<{ ok: true }> {
  const a = secretBuffer(first);
  const b = secretBuffer(second);
  try {
    await withService(params, (service) => fn(service, params.token, a, b));
    return { ok: true };
  } finally {
    a.fill(0);
    b.fill(0);
  }
}

export const changePin: OpHandler = async (raw) => {
  const p = raw as PinParams & { oldPin: string; newPin: string };
  return runPin(p, coreChangePin, p.oldPin, p.newPin);
};

export const unblockPin: OpHandler = async (raw) => {
  const p = raw as PinParams & { puk: string; newPin: string };
  return runPin(p, coreUnblockPin, p.puk, p.newPin);
};
