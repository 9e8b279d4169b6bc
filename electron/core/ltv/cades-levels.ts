/**
 * `sign --level LTA` for p7m: the new signature is made at LT (ltFinisher), then raised in place to CAdES-LTA
 * (archive-time-stamp-v3 over it, through extendFile on the last SignerInfo only). If that fails the
 * just-signed file is removed, so no half-done output stays.
 */
import { unlink } from 'node:fs/promises';
import type { TrustStore } from '../trust/trust-store';
import type { TsaConfig } from '../tsa/tsa-client';
import { extendFile } from './extend-file';

export async function raiseCadesToLtaInPlace(
  path: string,
  tsa: TsaConfig,
  trust?: TrustStore,
): Promise<void> {
  try {
    await extendFile({ input: path, level: 'LTA', overwrite: true, tsa, trust, onlyLastSigner: true });
  } catch (e) {
    await unlink(path).catch(() => undefined);
    throw e;
  }
}
