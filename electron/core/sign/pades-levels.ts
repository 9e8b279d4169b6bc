/**
 * `sign --level LT|LTA` for PDFs: the new PAdES-B-T file is raised in place — LT appends the DSS, LTA the DSS
 * and a document timestamp. If that fails the just-signed file is removed, so no half-done output stays.
 */
import { rename, unlink } from 'node:fs/promises';
import { tempPathFor } from '../files/atomic-output';
import type { TrustStore } from '../trust/trust-store';
import type { TsaConfig } from '../tsa/tsa-client';
import { extendPdfToLta } from './pades-doc-timestamp';
import { addDss } from './pades-dss';

export async function raisePdfInPlace(
  path: string,
  level: 'LT' | 'LTA',
  tsa: TsaConfig,
  trust?: TrustStore,
): Promise<void> {
  try {
    if (level === 'LTA') {
      await extendPdfToLta(path, path, true, tsa, trust);
      return;
    }
    const tmp = tempPathFor(path);
    try {
      await addDss(path, tmp, false, trust);
      await rename(tmp, path);
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
  } catch (e) {
    await unlink(path).catch(() => undefined);
    throw e;
  }
}
