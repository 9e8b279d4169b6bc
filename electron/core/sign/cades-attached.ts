/**
 * A new attached CAdES-BES p7m around a file's bytes, streamed: the content is read once, copied into place and
 * hashed on two threads (copy-hash.ts), possibly started before the token was opened (prefetch.ts). If the header size changed and the content had to be copied again, the
 * second copy is hashed too and must give the same digest (the file did not change in between).
 */
import type { FileHandle } from 'node:fs/promises';
import { digestAlgorithmId } from '../cms/algorithms';
import { writeAttachedSignedData } from '../cms/attached-writer';
import { OID } from '../cms/oids';
import { startCopyHash } from '../files/copy-hash';
import { inputChanged } from '../files/input-file';
import { throwIfCancelled } from '../files/cancelled';
import type { SignCadesOptions } from './cades-types';
import type { PrefetchedWork } from '../files/copy-hash';
import { estimateSignerInfo } from './signer-info-estimate';
import { finish } from '../cms/finish-signer-info';

export async function writeAttachedCades(
  out: FileHandle,
  contentLength: number,
  opts: SignCadesOptions,
  signingTime: Date,
  early?: PrefetchedWork,
): Promise<number> {
  const { signer, digest, input } = opts;
  const estimate = await estimateSignerInfo(signer, digest, signingTime);
  const digests: Buffer[] = [];
  const result = await writeAttachedSignedData({
    out,
    contentLength,
    parts: {
      digestAlgorithms: [digestAlgorithmId(digest)],
      eContentType: OID.data,
      certificates: [signer.certificate, ...signer.chain],
    },
    signerInfoEstimate: [estimate],
    async copyContentAt(offset, pass, progressed) {
      const onProgress = (done: number) => {
        progressed(done);
        if (pass === 1) opts.onProgress?.(done, Math.max(done, contentLength));
      };
      // the copy started before the token was opened, when it went to the same place
      const started = pass === 1 && early?.offset === offset ? early : undefined;
      if (early && !started) await early.job.cancel();
      started?.onProgress(onProgress);
      const job =
        started?.job ??
        startCopyHash({
          input,
          algorithms: [digest],
          out: { handle: out, offset },
          onProgress,
          size: contentLength,
          signal: opts.signal,
        });
      try {
        const length = await job.done;
        const [d] = await job.digests();
        if (d && digests[0] && !d.equals(digests[0])) throw inputChanged();
        if (d) digests.push(d);
        return length;
      } finally {
        await job.cancel();
      }
    },
    makeSignerInfos: async () => {
      throwIfCancelled(opts.signal);
      return [
        await finish(opts)({
          signer,
          digest,
          messageDigest: new Uint8Array(digests[0] as Buffer),
          contentType: OID.data,
          signingTime,
        }),
      ];
    },
  });
  return result.size;
}
