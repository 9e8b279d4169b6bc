/**
 * A detached CAdES-BES signature (`sign --detached`, "Firma separata"): FILE → FILE.p7s, a SignedData without
 * eContent whose SignerInfo signs the file's bytes (messageDigest, contentType id-data, signingCertificateV2,
 * signingTime). The content is hashed streaming (copy-hash.ts), never copied; the input is only read; the output
 * appears atomically or not at all. Verifiers take the content as a second input (`openssl cms -verify -content
 * FILE`, `sigillo verify FILE.p7s` finds FILE beside it).
 */
import { digestAlgorithmId } from '../cms/algorithms';
import { OID } from '../cms/oids';
import { encodeSignedData } from '../cms/signed-data';
import { checkOutput, withAtomicOutput } from '../files/atomic-output';
import { throwIfCancelled } from '../files/cancelled';
import { startCopyHash } from '../files/copy-hash';
import { refuseOwnInput } from '../files/file-kind';
import { inputSize } from '../files/input-file';
import { outputPathFor } from '../files/output-naming';
import { writeFully } from '../files/write-fully';
import { finish } from '../cms/finish-signer-info';
import type { SignCadesOptions, SignCadesResult } from './cades-types';

export const DETACHED_SUFFIX = '.p7s';

export function detachedOutputPath(input: string, outputDir?: string): string {
  return outputPathFor(input, { outDir: outputDir, suffix: DETACHED_SUFFIX });
}

export async function signCadesDetached(opts: SignCadesOptions): Promise<SignCadesResult> {
  const { input, signer, digest } = opts;
  const size = await inputSize(input);
  const output = detachedOutputPath(input, opts.outputDir);
  const outOpts = { overwrite: opts.overwrite };
  await refuseOwnInput(input, output);
  await checkOutput(output, outOpts);
  const job = startCopyHash({
    input,
    algorithms: [digest],
    size,
    signal: opts.signal,
    onProgress: (done) => opts.onProgress?.(done, Math.max(done, size)),
  });
  let messageDigest: Uint8Array;
  try {
    await job.done;
    messageDigest = new Uint8Array((await job.digests())[0] as Buffer);
  } finally {
    await job.cancel();
  }
  throwIfCancelled(opts.signal);
  const signerInfo = await finish(opts)({
    signer,
    digest,
    messageDigest,
    contentType: OID.data,
    signingTime: opts.signingTime ?? new Date(),
  });
  const der = encodeSignedData({
    digestAlgorithms: [digestAlgorithmId(digest)],
    eContentType: OID.data,
    certificates: [signer.certificate, ...signer.chain],
    signerInfos: [signerInfo],
  });
  await withAtomicOutput(output, outOpts, (fh) => writeFully(fh, der, 0));
  return { input, output, mode: 'detached', size: der.length };
}
