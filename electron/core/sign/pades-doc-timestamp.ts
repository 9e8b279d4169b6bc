/**
 * PAdES-B-LTA (ETSI EN 319 142-1 §5.5): a document timestamp — a /Type /DocTimeStamp signature dictionary with
 * /SubFilter /ETSI.RFC3161 whose /Contents is an RFC 3161 token over the byte ranges — appended in an incremental
 * update after the DSS, through the PAdES writer's documentTimestamp hook. No card is involved.
 */
import { unlink } from 'node:fs/promises';
import type { KeySigner } from '../crypto/key-signer';
import { tempPathFor } from '../files/atomic-output';
import { signPades } from './pades-sign';
import type { TrustStore } from '../trust/trust-store';
import type { TsaConfig } from '../tsa/tsa-client';
import { requestTimestamp } from '../verify/requested-timestamp';
import { addDss } from './pades-dss';

/** Only sizes /Contents (no certificates): a document timestamp signs nothing with a user key. */
const NO_KEY: KeySigner = {
  certificate: new Uint8Array(0),
  chain: [],
  keyAlgorithm: 'rsa',
  sign: () => Promise.reject(new Error('a document timestamp has no signer key')),
};

export async function addDocumentTimestamp(
  input: string,
  output: string,
  overwrite: boolean,
  tsa: TsaConfig,
): Promise<void> {
  await signPades({
    input,
    output,
    overwrite,
    digest: 'sha256',
    signer: NO_KEY,
    documentTimestamp: async (messageDigest) =>
      (await requestTimestamp(tsa, 'sha256', messageDigest)).token.der,
  });
}

/** LTA: the DSS (LT), then a document timestamp over everything, into `output`. */
export async function extendPdfToLta(
  input: string,
  output: string,
  overwrite: boolean,
  tsa: TsaConfig,
  trust?: TrustStore,
): Promise<{ signatures: number }> {
  const withDss = tempPathFor(output);
  try {
    const r = await addDss(input, withDss, false, trust);
    await addDocumentTimestamp(withDss, output, overwrite, tsa);
    return r;
  } finally {
    await unlink(withDss).catch(() => undefined);
  }
}
