/**
 * Where a plain file's content will start in its new attached p7m, for the early copy (prefetch.ts): undefined
 * when the file is already a SignedData (it may be nested or co-signed instead) or when the place depends on the
 * certificates and signer info that follow the content (below ~16 MiB the lengths are not in their widest form).
 * Loaded only for a CAdES prefetch: a PDF's does not need the CMS reader.
 */
import { digestAlgorithmId } from '../cms/algorithms';
import { OID } from '../cms/oids';
import { signedDataHead } from '../cms/signed-data';
import { looksLikeSignedData } from '../cms/signed-data-reader';
import type { DigestName } from '../crypto/key-signer';

export async function cadesContentOffset(
  input: string,
  size: number,
  digest: DigestName,
): Promise<number | undefined> {
  if (await looksLikeSignedData(input)) return undefined;
  return stableContentOffset(size, digest);
}

/**
 * Where the content of a new attached p7m starts, when that does not depend on the certificates and signer info
 * that follow it (for big contents every length field already takes its widest form); else undefined.
 */
function stableContentOffset(contentLength: number, digest: DigestName): number | undefined {
  const parts = {
    digestAlgorithms: [digestAlgorithmId(digest)],
    eContentType: OID.data,
    certificates: [],
    signerInfos: [],
  };
  const small = signedDataHead(parts, contentLength, 1024).length;
  const large = signedDataHead(parts, contentLength, 8 * 1024 * 1024).length;
  return small === large ? small : undefined;
}
