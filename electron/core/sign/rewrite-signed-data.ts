/**
 * Rewrites a p7m with new SignerInfos (and extra certificates), everything else kept byte-exact: the content is
 * streamed from the input again (attached) or absent (detached). Used by counter-signing and `extend`.
 * Never touches the input; the output appears atomically.
 */
import { writeAttachedSignedData } from '../cms/attached-writer';
import { readSignedData, type SignedDataSummary } from '../cms/signed-data-reader';
import { encodeSignedData, type SignedDataParts } from '../cms/signed-data';
import { withAtomicOutput } from '../files/atomic-output';
import { writeAll } from '../timestamp/file-copy';

export interface Rewrite {
  signerInfos: Uint8Array[];
  extraCertificates?: Uint8Array[];
}

export async function rewriteSignedData(
  input: string,
  output: string,
  overwrite: boolean,
  summary: SignedDataSummary,
  change: Rewrite,
): Promise<void> {
  const parts: SignedDataParts = {
    version: summary.version,
    digestAlgorithms: summary.digestAlgorithms,
    eContentType: summary.eContentType,
    certificates: [...summary.certificates, ...(change.extraCertificates ?? [])],
    crls: summary.crls,
    signerInfos: change.signerInfos,
  };
  await withAtomicOutput(output, { overwrite }, async (out) => {
    if (summary.detached) {
      await writeAll(out, encodeSignedData(parts));
      return;
    }
    await writeAttachedSignedData({
      out,
      contentLength: summary.contentLength,
      parts,
      signerInfoEstimate: change.signerInfos,
      async copyContent(write) {
        await readSignedData(input, { hashDeclared: false, onContent: write });
      },
      makeSignerInfos: async () => change.signerInfos,
    });
  });
}
