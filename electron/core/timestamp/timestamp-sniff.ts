/** Tells timestamp files apart from their first bytes: .tsd (RFC 5544), .tsr (TimeStampResp or bare token), .m7m. */
import { decodeOid } from '../cms/der-parse';
import { looksLikeM7m } from './m7m-reader';
import { OID } from '../cms/oids';

export type TimestampKind = 'tsd' | 'tsr' | 'm7m';

interface Hdr {
  tag: number;
  valueStart: number;
  end: number;
}

/** One TLV header inside a possibly truncated buffer (the value may run past its end). */
function hdr(b: Uint8Array, off: number): Hdr | undefined {
  const tag = b[off];
  const first = b[off + 1];
  if (tag === undefined || first === undefined) return undefined;
  let p = off + 2;
  let len = first;
  if (first === 0x80) return { tag, valueStart: p, end: Number.MAX_SAFE_INTEGER };
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4 || p + n > b.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[p++] as number);
  }
  return { tag, valueStart: p, end: p + len };
}

function oidAt(b: Uint8Array, h: Hdr | undefined): string | undefined {
  if (!h || h.tag !== 0x06 || h.end > b.length) return undefined;
  try {
    return decodeOid(b.subarray(h.valueStart, h.end));
  } catch {
    return undefined;
  }
}

/** ContentInfo type and, for a SignedData, its eContentType (when within the head bytes). */
function contentTypes(b: Uint8Array): { type?: string; eContentType?: string } {
  const ci = hdr(b, 0);
  if (ci?.tag !== 0x30) return {};
  const typeH = hdr(b, ci.valueStart);
  const type = oidAt(b, typeH);
  if (type !== OID.signedData || !typeH) return { type };
  const explicit = hdr(b, typeH.end);
  const sd = explicit?.tag === 0xa0 ? hdr(b, explicit.valueStart) : undefined;
  const version = sd?.tag === 0x30 ? hdr(b, sd.valueStart) : undefined;
  const digests = version?.tag === 0x02 ? hdr(b, version.end) : undefined;
  const encap = digests?.tag === 0x31 ? hdr(b, digests.end) : undefined;
  const eType = encap?.tag === 0x30 ? oidAt(b, hdr(b, encap.valueStart)) : undefined;
  return { type, eContentType: eType };
}

/** TimeStampResp: SEQUENCE { PKIStatusInfo SEQUENCE { INTEGER status, ... }, ... } */
function looksLikeTimestampResponse(b: Uint8Array): boolean {
  const top = hdr(b, 0);
  const info = top?.tag === 0x30 ? hdr(b, top.valueStart) : undefined;
  const status = info?.tag === 0x30 ? hdr(b, info.valueStart) : undefined;
  return status?.tag === 0x02 && status.end - status.valueStart === 1 && (b[status.valueStart] ?? 9) <= 5;
}

export function timestampKind(head: Uint8Array): TimestampKind | undefined {
  if (looksLikeM7m(head)) return 'm7m';
  const { type, eContentType } = contentTypes(head);
  if (type === OID.timestampedData) return 'tsd';
  if (eContentType === OID.tstInfo) return 'tsr';
  if (looksLikeTimestampResponse(head)) return 'tsr';
  return undefined;
}
