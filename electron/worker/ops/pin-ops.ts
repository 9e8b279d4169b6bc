/** PIN change and PUK unblock through H's electron/core/pkcs11/pin-management.ts; secrets zeroed after use. */
import type { Pkcs11Service } from '../../core/pkcs11/pkcs11-service';
import { loadCore } from '../core-loader';
import type { OpHandler } from '../op-types';
import { secretBuffer, withService, type CardParams } from './card-session';

type PinFn = (
  service: Pkcs11Service,
  token: string | undefined,
  a: Buffer,
  b: Buffer,
) => Promise<void> | void;

interface PinParams extends CardParams {
  token: string;
}

async function runPin(
  params: PinParams,
  exportName: 'changePin' | 'unblockPin',
  first: string,
  second: string,
): Promise<{ ok: true }> {
  const fn = loadCore<PinFn>('pkcs11/pin-management', 'PIN/PUK', exportName);
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
  return runPin(p, 'changePin', p.oldPin, p.newPin);
};

export const unblockPin: OpHandler = async (raw) => {
  const p = raw as PinParams & { puk: string; newPin: string };
  return runPin(p, 'unblockPin', p.puk, p.newPin);
};
