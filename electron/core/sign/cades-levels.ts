/**
 * `sign --level LTA` for p7m: the new signature is made at LT (ltFinisher), then raised in place to CAdES-LTA: an
 * archive-time-stamp-v3 (cades-lta.ts) on the last SignerInfo only — the one just added; the content, the other
 * signatures and everything signed stay byte-exact. If that fails the just-signed file is removed, so no
 * half-done output stays. (`extend --level LTA` raises existing files: ltv/extend-file.ts.)
 */
import { unlink } from 'node:fs/promises';
import { readSignedData } from '../cms/signed-data-reader';
import type { TsaConfig } from '../tsa/tsa-client';
import { addArchiveTimestamp, ltaContentUnavailable } from './cades-lta';
import { rewriteSignedData } from './rewrite-signed-data';

export async function raiseCadesToLtaInPlace(path: string, tsa: TsaConfig): Promise<void> {
  try {
    const summary = await readSignedData(path, { hashDeclared: false, digests: ['sha256'] });
    if (summary.detached) throw ltaContentUnavailable();
    const signerInfos = [...summary.signerInfos];
    const last = signerInfos.length - 1;
    const archived = { ...summary, contentDigest: (h: string) => summary.contentDigests[h] };
    signerInfos[last] = await addArchiveTimestamp(signerInfos[last] as Uint8Array, archived, tsa);
    await rewriteSignedData(path, path, true, summary, { signerInfos });
  } catch (e) {
    await unlink(path).catch(() => undefined);
    throw e;
  }
}
