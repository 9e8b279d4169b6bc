/**
 * The signatures of one SignedData level, shared by `verify` and `extract` so that both judge integrity alike:
 * the content is hashed with the declared digests while it streams; when a signer used a digest the SignedData
 * did not declare, the level is read again and hashed with every known algorithm.
 */
import type { SignedDataSummary } from '../cms/signed-data-reader';
import { OID_BY_HASH, type HashName } from '../cms/algorithm-oids';
import type { SignatureReport } from './types';
import { verifyCmsSignatures, type VerifyContext } from './verify-cms';

const ALL_HASHES = Object.keys(OID_BY_HASH);

export async function levelSignatures(
  summary: SignedDataSummary,
  rehash: (digests: string[]) => Promise<SignedDataSummary>,
  ctx: VerifyContext,
): Promise<SignatureReport[]> {
  const check = (digests: Record<string, Uint8Array>) =>
    verifyCmsSignatures(
      {
        eContentType: summary.eContentType,
        certificates: summary.certificates,
        crls: summary.crls,
        signerInfos: summary.signerInfos,
        contentDigest: (h: HashName) => digests[h],
      },
      ctx,
    );
  const signatures = await check(summary.contentDigests);
  if (ctx.contentMissing || !signatures.some((s) => s.subIndication === 'SIGNED_DATA_NOT_FOUND'))
    return signatures;
  return check((await rehash(ALL_HASHES)).contentDigests);
}
