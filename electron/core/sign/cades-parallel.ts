/**
 * A parallel signature: the SignedData is rewritten with the same content, the existing certificates, CRLs
 * and SignerInfos kept byte-exact, plus the new SignerInfo and the signer's certificates. Two passes over the
 * input: the first hashes the content (the signature is made then), the second copies it into the output.
 */
import type { FileHandle } from 'node:fs/promises';
import { digestAlgorithmId } from '../cms/algorithms';
import { writeAttachedSignedData } from '../cms/attached-writer';
import { children, decodeOid, readElement, valueOf } from '../cms/der-parse';
import { readSignedData, type SignedDataSummary } from '../cms/signed-data-reader';
import { SigilloError, failure } from '../errors';
import type { SignCadesOptions } from './cades-types';
import { finish } from '../cms/finish-signer-info';
import { throwIfCancelled } from '../files/cancelled';

function algorithmOid(encoded: Uint8Array): string {
  const [first] = children(encoded, readElement(encoded, 0));
  return first ? decodeOid(valueOf(encoded, first)) : '';
}

/** Existing digest algorithms (as found) plus the new one when its OID is not there yet. */
export function mergeDigestAlgorithms(existing: Uint8Array[], added: Uint8Array): Uint8Array[] {
  const oids = new Set(existing.map(algorithmOid));
  return oids.has(algorithmOid(added)) ? existing : [...existing, added];
}

function detachedError(): SigilloError {
  return failure('DETACHED_SIGNATURE:sign');
}

/** First pass: the content's digest and the parts to keep. `fileSize` approximates the content size for progress. */
export async function readForParallel(opts: SignCadesOptions, fileSize: number): Promise<SignedDataSummary> {
  let done = 0;
  const summary = await readSignedData(opts.input, {
    digests: [opts.digest],
    hashDeclared: false,
    onContent: (c) => {
      throwIfCancelled(opts.signal);
      done += c.length;
      opts.onProgress?.(Math.min(done, fileSize), fileSize);
    },
  });
  if (summary.detached) throw detachedError();
  return summary;
}

export async function writeParallelCades(
  out: FileHandle,
  summary: SignedDataSummary,
  opts: SignCadesOptions,
  signingTime: Date,
): Promise<number> {
  const { signer, digest } = opts;
  throwIfCancelled(opts.signal);
  const messageDigest = summary.contentDigests[digest];
  if (!messageDigest) throw new Error(`no ${digest} digest of the content`);
  const signerInfo = await finish(opts)({
    signer,
    digest,
    messageDigest,
    contentType: summary.eContentType,
    signingTime,
  });
  const signerInfos = [...summary.signerInfos, signerInfo];
  const result = await writeAttachedSignedData({
    out,
    contentLength: summary.contentLength,
    parts: {
      version: Math.max(summary.version, 1),
      digestAlgorithms: mergeDigestAlgorithms(summary.digestAlgorithms, digestAlgorithmId(digest)),
      eContentType: summary.eContentType,
      certificates: [...summary.certificates, signer.certificate, ...signer.chain],
      crls: summary.crls,
    },
    signerInfoEstimate: signerInfos,
    async copyContent(write) {
      await readSignedData(opts.input, { hashDeclared: false, onContent: write });
    },
    makeSignerInfos: async () => signerInfos,
  });
  return result.size;
}
