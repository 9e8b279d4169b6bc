/** Builds a SignerInfo and runs the optional finishing step (signature timestamp…) on it: the signing flows' hook. */
import { buildSignerInfo, type SignerInfoInput } from '../cms/signer-info';

export interface Finishable {
  finishSignerInfo?: (signerInfo: Uint8Array) => Promise<Uint8Array>;
}

export function finish(opts: Finishable): (input: SignerInfoInput) => Promise<Uint8Array> {
  return async (input) => {
    const si = await buildSignerInfo(input);
    return opts.finishSignerInfo ? opts.finishSignerInfo(si) : si;
  };
}
