/**
 * The CAdES-LTA upgrade: adds an archive-time-stamp-v3 to a SignerInfo, its token carrying the ats-hash-index-v3
 * (the structures are in verify/archive-attributes.ts, shared with the check).
 */
import { bytesOf, children, readElement } from '../cms/der-parse';
import { sequence, tlv } from '../cms/der';
import { attribute } from '../cms/signed-attributes';
import type { HashName } from '../cms/algorithm-oids';
import { withUnsignedAttribute } from '../cms/unsigned-attributes';
import { SigilloError, failure } from '../errors';
import { malformedTimestamp } from '../tsa/timestamp-token';
import type { TsaConfig } from '../tsa/tsa-client';
import { requestTimestamp } from '../verify/requested-timestamp';
import {
  archiveImprintInput,
  buildHashIndex,
  digestOf,
  OID_ARCHIVE_TIME_STAMP_V3,
  OID_ATS_HASH_INDEX_V3,
  type ArchivedSignedData,
} from '../verify/archive-attributes';

export function ltaContentUnavailable(): SigilloError {
  return failure('LTA_CONTENT_UNAVAILABLE');
}

/** The TimeStampToken with `attr` added to the unsigned attributes of its (single) SignerInfo. */
export function tokenWithUnsignedAttribute(token: Uint8Array, attr: Uint8Array): Uint8Array {
  try {
    const [type, explicit] = children(token, readElement(token, 0));
    const [sd] = explicit ? children(token, explicit) : [];
    if (!type || !sd) throw new RangeError('ContentInfo');
    const parts = children(token, sd);
    const set = parts[parts.length - 1];
    const infos = set ? children(token, set) : [];
    if (set?.tag !== 0x31 || infos.length !== 1) throw new RangeError('signerInfos');
    const si = withUnsignedAttribute(bytesOf(token, infos[0]!), attr);
    const kept = parts.slice(0, -1).map((p) => bytesOf(token, p));
    return sequence(bytesOf(token, type), tlv(0xa0, sequence(...kept, tlv(0x31, si))));
  } catch (e) {
    if (e instanceof SigilloError) throw e;
    throw malformedTimestamp(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The SignerInfo with an archive-time-stamp-v3 added last (over everything it holds now, and the SignedData's
 * certificates and CRLs). `sd.contentDigest(h)` must give the content hash.
 */
export async function addArchiveTimestamp(
  si: Uint8Array,
  sd: ArchivedSignedData,
  tsa: TsaConfig,
  h: HashName & ('sha256' | 'sha384' | 'sha512') = 'sha256',
): Promise<Uint8Array> {
  const index = buildHashIndex(h, sd, si);
  const input = archiveImprintInput(h, sd, si, index);
  if (!input) throw ltaContentUnavailable();
  const { token } = await requestTimestamp(tsa, h, digestOf(h, input));
  const stamped = tokenWithUnsignedAttribute(token.der, attribute(OID_ATS_HASH_INDEX_V3, index));
  return withUnsignedAttribute(si, attribute(OID_ARCHIVE_TIME_STAMP_V3, stamped));
}
