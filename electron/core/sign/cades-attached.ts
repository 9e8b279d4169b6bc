/** A new attached CAdES-BES p7m around a file's bytes, streamed: the content is hashed while it is copied. */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { digestAlgorithmId } from '../cms/algorithms';
import { writeAttachedSignedData } from '../cms/attached-writer';
import { OID } from '../cms/oids';
import { readPooled } from '../files/pooled-read';
import type { SignCadesOptions } from './cades-types';
import { estimateSignerInfo } from './signer-info-estimate';
import { finish } from '../ltv/finish-signer-info';

export async function writeAttachedCades(
  out: FileHandle,
  contentLength: number,
  opts: SignCadesOptions,
  signingTime: Date,
): Promise<number> {
  const { signer, digest, input } = opts;
  const hash = createHash(digest);
  const estimate = await estimateSignerInfo(signer, digest, signingTime);
  const result = await writeAttachedSignedData({
    out,
    contentLength,
    parts: {
      digestAlgorithms: [digestAlgorithmId(digest)],
      eContentType: OID.data,
      certificates: [signer.certificate, ...signer.chain],
    },
    signerInfoEstimate: [estimate],
    async copyContent(write, pass) {
      let done = 0;
      // reused buffers, each read into again once its write is done: flat memory from 10 MB to gigabytes
      await readPooled(input, async (chunk, release) => {
        if (pass === 1) {
          hash.update(chunk);
          done += chunk.length;
          opts.onProgress?.(done, contentLength);
        }
        await write(chunk, release);
      });
    },
    makeSignerInfos: async () => [
      await finish(opts)({
        signer,
        digest,
        messageDigest: new Uint8Array(hash.digest()),
        contentType: OID.data,
        signingTime,
      }),
    ],
  });
  return result.size;
}
