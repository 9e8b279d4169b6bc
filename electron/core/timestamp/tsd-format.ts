/**
 * RFC 5544 TimeStampedData (.tsd) encoding, written around a streamed content:
 *
 *   ContentInfo { id-ct-timestampedData, [0] EXPLICIT TimeStampedData {
 *     version 1, metaData { hashProtected FALSE, fileName, mediaType? }, content OCTET STRING,
 *     temporalEvidence [0] tstEvidence SEQUENCE OF TimeStampAndCRL { timeStamp } } }
 *
 * dataUri is absent (the content is inside). With hashProtected FALSE the first token's imprint is the hash of
 * the content alone, so `openssl ts -verify -data FILE` checks it too.
 */
import { concat, header, integer, oid, sequence, tlv, TAG } from '../cms/der';
import { OID } from '../cms/oids';

const BOOLEAN_FALSE = Uint8Array.of(0x01, 0x01, 0x00);
const IA5_STRING = 0x16;

export interface TsdMetaData {
  fileName?: string;
  mediaType?: string;
}

function metaData(m: TsdMetaData): Uint8Array {
  const parts: Uint8Array[] = [BOOLEAN_FALSE];
  if (m.fileName) parts.push(tlv(TAG.UTF8_STRING, Buffer.from(m.fileName, 'utf8')));
  if (m.mediaType) parts.push(tlv(IA5_STRING, Buffer.from(m.mediaType, 'latin1')));
  return sequence(...parts);
}

/** temporalEvidence: [0] IMPLICIT SEQUENCE OF TimeStampAndCRL, each holding one token. */
export function tstEvidence(tokens: Uint8Array[]): Uint8Array {
  return tlv(0xa0, ...tokens.map((tk) => sequence(tk)));
}

export interface TsdLayout {
  /** everything before the content octets */
  head: Uint8Array;
  /** everything after them */
  tail: Uint8Array;
}

export function tsdLayout(contentLength: number, tokens: Uint8Array[], meta: TsdMetaData): TsdLayout {
  const tail = tstEvidence(tokens);
  const inner = [integer(1), metaData(meta), header(TAG.OCTET_STRING, contentLength)];
  const tsdBody = inner.reduce((n, p) => n + p.length, 0) + contentLength + tail.length;
  const tsdHeader = header(TAG.SEQUENCE, tsdBody);
  const explicitBody = tsdHeader.length + tsdBody;
  const explicitHeader = header(0xa0, explicitBody);
  const typeOid = oid(OID.timestampedData);
  const ciBody = typeOid.length + explicitHeader.length + explicitBody;
  return {
    head: concat([header(TAG.SEQUENCE, ciBody), typeOid, explicitHeader, tsdHeader, ...inner]),
    tail,
  };
}
