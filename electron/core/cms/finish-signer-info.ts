/** Builds a SignerInfo and runs the optional finishing step (signature timestamp, LT values) on it: the signing flows' hook. */
import type { KeySigner } from '../crypto/key-signer';
import { buildSignerInfo, type SignerInfoInput } from './signer-info';

/** The finishing step; it also gets the signer (whose certificates LT embeds). */
export type SignerInfoFinisher = (signerInfo: Uint8Array, signer?: KeySigner) => Promise<Uint8Array>;

export interface Finishable {
  finishSignerInfo?: SignerInfoFinisher;
}

export function finish(opts: Finishable): (input: SignerInfoInput) => Promise<Uint8Array> {
  return async (input) => {
    const si = await buildSignerInfo(input);
    return opts.finishSignerInfo ? opts.finishSignerInfo(si, input.signer) : si;
  };
}
