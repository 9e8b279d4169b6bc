/**
 * The CMS check of one PDF signature through the shared engine (verify/verify-cms.ts): the content digest is
 * the digest of the byte ranges (detached SubFilters); for adbe.pkcs7.sha1 the eContent must be the SHA-1 of
 * the ranges; for ETSI.RFC3161 document timestamps the TSTInfo messageImprint must match the ranges.
 */
import { createHash } from 'node:crypto';
import { readSignedData, type SignedDataSummary } from '../cms/signed-data-reader';
import { digestNameForOid } from '../cms/algorithms';
import { children, decodeOid, readElement, valueOf } from '../cms/der-parse';
import { verifyCmsSignatures, type VerifyContext } from '../verify/verify-cms';
import type { HashName } from '../verify/algorithms';
import type { SignatureReport } from '../verify/types';
import { t } from '../i18n/translate';
import { hashRanges } from './byte-range-hash';

export interface PdfCmsResult {
  report: SignatureReport | null;
  /** the digest carried for the ranges (eContent or messageImprint) did not match */
  rangeDigestMismatch: boolean;
  messages: string[];
}

async function* once(b: Uint8Array): AsyncIterable<Uint8Array> {
  yield b;
}

/** the CMS without the zero padding that fills the rest of /Contents */
export function trimCms(contents: Uint8Array): Uint8Array {
  try {
    return contents.subarray(0, readElement(contents, 0).end);
  } catch {
    return contents;
  }
}

/** messageImprint of a TSTInfo: { hash name, hashed message } */
export function messageImprint(tstInfo: Uint8Array): { hash: string | undefined; value: Uint8Array } {
  const top = readElement(tstInfo, 0);
  const [, , imprint] = children(tstInfo, top);
  if (!imprint) throw new RangeError('bad TSTInfo');
  const [alg, hashed] = children(tstInfo, imprint);
  const [algOid] = children(tstInfo, alg!);
  return { hash: digestNameForOid(decodeOid(valueOf(tstInfo, algOid!))), value: valueOf(tstInfo, hashed!) };
}

function declaredHashes(sd: SignedDataSummary): string[] {
  const names = new Set(['sha1', 'sha256']);
  for (const o of sd.digestAlgorithmOids) {
    const n = digestNameForOid(o);
    if (n) names.add(n);
  }
  return [...names];
}

export async function verifyPdfCms(
  path: string,
  subFilter: string,
  contents: Uint8Array,
  ranges: [number, number][],
  ctx: VerifyContext,
): Promise<PdfCmsResult> {
  const messages: string[] = [];
  let eContent: Uint8Array = new Uint8Array();
  const sd = await readSignedData(once(trimCms(contents)), {
    onContent: (c) => {
      eContent = Buffer.concat([eContent, c]);
    },
  });
  const algs = declaredHashes(sd);
  const rangeDigests = hashRanges(path, ranges, algs);
  let rangeDigestMismatch = false;
  let useEContent = false;
  if (subFilter === 'ETSI.RFC3161') {
    useEContent = true;
    const mi = messageImprint(eContent);
    const expected = mi.hash
      ? (rangeDigests.get(mi.hash) ?? hashRanges(path, ranges, [mi.hash]).get(mi.hash))
      : undefined;
    if (!expected || !expected.equals(Buffer.from(mi.value))) rangeDigestMismatch = true;
  } else if (!sd.detached) {
    // adbe.pkcs7.sha1 (and producers that embed the range digest): eContent = digest of the ranges
    useEContent = true;
    const match = [...rangeDigests.values()].some((d) => d.equals(Buffer.from(eContent)));
    if (!match) rangeDigestMismatch = true;
  }
  if (rangeDigestMismatch) {
    messages.push(
      t({
        it: 'L’impronta del documento contenuta nella firma non corrisponde al documento.',
        en: 'The document digest carried by the signature does not match the document.',
      }),
    );
  }
  const reports = await verifyCmsSignatures(
    {
      eContentType: sd.eContentType,
      certificates: sd.certificates,
      signerInfos: sd.signerInfos,
      contentDigest: (h: HashName) => {
        if (useEContent)
          return sd.contentDigests[h] ?? new Uint8Array(createHash(h).update(eContent).digest());
        return rangeDigests.get(h) ?? hashRanges(path, ranges, [h]).get(h);
      },
    },
    ctx,
  );
  return { report: reports[0] ?? null, rangeDigestMismatch, messages };
}
