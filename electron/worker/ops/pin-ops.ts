/** PIN change and PUK unblock through H's pin-management; the secrets are zeroed after use. */
import { changePin as coreChangePin, unblockPin as coreUnblockPin } from '../../core/pkcs11/pin-management';
import type { WorkerParams } from '../methods';
import type { WorkerOp } from '../op-types';
import { secretBuffer, withService } from './card-session';

type PinParams = WorkerParams<'changePin'> | WorkerParams<'unblockPin'>;

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

export const changePin: WorkerOp<'changePin'> = async (p) => runPin(p, coreChangePin, p.oldPin, p.newPin);

export const unblockPin: WorkerOp<'unblockPin'> = async (p) => runPin(p, coreUnblockPin, p.puk, p.newPin);
