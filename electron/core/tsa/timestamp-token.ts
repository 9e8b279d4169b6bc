/**
 * Reading an RFC 3161 TimeStampToken (a ContentInfo SignedData whose eContent is a TSTInfo, §2.4.2) and a
 * TimeStampResp (status + token). Only the small structures are handled, in memory, with the DER walker;
 * malformed input becomes a SigilloError with TIMESTAMP_MALFORMED.
 */
import { SigilloError, failure } from '../errors';
import { bytesOf, children, decodeOid, readElement, valueOf, type Element } from '../cms/der-parse';
import { HASH_BY_OID, type HashName } from '../cms/algorithm-oids';
import { OID } from '../cms/oids';

export interface TstInfo {
  policy: string;
  hashOid: string;
  /** undefined when the algorithm is not one Sigillo computes */
  hash: HashName | undefined;
  imprint: Uint8Array;
  /** hex, lower case, without leading zeros */
  serialNumber: string;
  genTime: Date;
  nonce?: bigint;
}

export interface TimestampToken {
  /** the whole ContentInfo (a view into the parsed bytes) */
  der: Uint8Array;
  /** the TSTInfo encoding (the signed content) */
  tstInfoDer: Uint8Array;
  info: TstInfo;
  eContentType: string;
  certificates: Uint8Array[];
  signerInfos: Uint8Array[];
}

export function malformedTimestamp(reason: string): SigilloError {
  return failure('TIMESTAMP_MALFORMED', { reason });
}

function expect(cond: unknown, what: string): asserts cond {
  if (!cond) throw new RangeError(what);
}

function kids(buf: Uint8Array, e: Element | undefined, what: string): Element[] {
  expect(e && e.constructed, what);
  return children(buf, e);
}

function bigintOf(v: Uint8Array): bigint {
  return v.length === 0 ? 0n : BigInt('0x' + Buffer.from(v).toString('hex'));
}

function hexOf(v: Uint8Array): string {
  return Buffer.from(v)
    .toString('hex')
    .replace(/^(00)+(?=..)/, '');
}

/** GeneralizedTime YYYYMMDDHHMMSS[.fff]Z */
function generalizedTime(v: Uint8Array): Date {
  const s = Buffer.from(v).toString('latin1');
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d{1,9}))?Z$/.exec(s);
  expect(m, 'genTime');
  const [, y, mo, d, h, mi, se, frac] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!, ms));
}

function parseTstInfo(buf: Uint8Array): TstInfo {
  const top = readElement(buf, 0);
  const [version, policy, imprint, serial, genTime, ...rest] = kids(buf, top, 'TSTInfo');
  expect(version?.tag === 0x02 && policy?.tag === 0x06 && serial?.tag === 0x02, 'TSTInfo fields');
  expect(genTime?.tag === 0x18, 'genTime');
  const [alg, hashed] = kids(buf, imprint, 'messageImprint');
  const [algOid] = kids(buf, alg, 'hashAlgorithm');
  expect(algOid?.tag === 0x06 && hashed?.tag === 0x04, 'messageImprint');
  const hashOid = decodeOid(valueOf(buf, algOid));
  const nonce = rest.find((e) => e.tag === 0x02);
  return {
    policy: decodeOid(valueOf(buf, policy)),
    hashOid,
    hash: HASH_BY_OID[hashOid],
    imprint: Uint8Array.from(valueOf(buf, hashed)),
    serialNumber: hexOf(valueOf(buf, serial)),
    genTime: generalizedTime(valueOf(buf, genTime)),
    ...(nonce ? { nonce: bigintOf(valueOf(buf, nonce)) } : {}),
  };
}

/** The octets of an OCTET STRING, primitive or constructed. */
function octets(buf: Uint8Array, e: Element): Uint8Array {
  if (!e.constructed) return Uint8Array.from(valueOf(buf, e));
  return Buffer.concat(children(buf, e).map((c) => octets(buf, c)));
}

export function parseTimestampToken(input: Uint8Array): TimestampToken {
  try {
    const ci = readElement(input, 0);
    // a view, not a copy: the token lives no longer than the bytes it was read from (a SignerInfo's attribute)
    const der = bytesOf(input, ci);
    const [type, explicit] = kids(der, readElement(der, 0), 'ContentInfo');
    expect(type?.tag === 0x06 && decodeOid(valueOf(der, type)) === OID.signedData, 'not a SignedData');
    const [sd] = kids(der, explicit, 'content');
    const parts = kids(der, sd, 'SignedData');
    const encap = parts[2];
    const [ctype, econtent] = kids(der, encap, 'encapContentInfo');
    expect(ctype?.tag === 0x06, 'eContentType');
    const [oct] = kids(der, econtent, 'eContent');
    expect(oct && (oct.tag & 0x1f) === 0x04, 'eContent');
    const tstInfoDer = octets(der, oct);
    const certSet = parts.find((p) => p.tag === 0xa0);
    const signerSet = parts[parts.length - 1];
    expect(signerSet?.tag === 0x31, 'signerInfos');
    return {
      der,
      tstInfoDer,
      info: parseTstInfo(tstInfoDer),
      eContentType: decodeOid(valueOf(der, ctype)),
      certificates: certSet
        ? children(der, certSet)
            .filter((c) => c.tag === 0x30)
            .map((c) => bytesOf(der, c))
        : [],
      signerInfos: children(der, signerSet).map((c) => bytesOf(der, c)),
    };
  } catch (e) {
    if (e instanceof SigilloError) throw e;
    throw malformedTimestamp(e instanceof Error ? e.message : String(e));
  }
}

export interface TimestampResponse {
  /** PKIStatus: 0 granted, 1 grantedWithMods, 2 rejection, 3 waiting, 4 revocationWarning, 5 revocationNotification */
  status: number;
  statusText: string;
  /** the TimeStampToken bytes, when present */
  token?: Uint8Array;
}

/** TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken OPTIONAL } */
export function parseTimestampResponse(input: Uint8Array): TimestampResponse {
  try {
    const top = readElement(input, 0);
    const [statusInfo, token] = kids(input, top, 'TimeStampResp');
    const [status, text] = kids(input, statusInfo, 'PKIStatusInfo');
    expect(status?.tag === 0x02 && status.valueEnd - status.valueStart === 1, 'status');
    const statusText =
      text?.tag === 0x30
        ? children(input, text)
            .map((s) => Buffer.from(valueOf(input, s)).toString('utf8'))
            .join(' ')
        : '';
    return {
      status: input[status.valueStart] as number,
      statusText,
      ...(token ? { token: Uint8Array.from(bytesOf(input, token)) } : {}),
    };
  } catch (e) {
    throw malformedTimestamp(e instanceof Error ? e.message : String(e));
  }
}

/** true when the bytes start like a TimeStampResp (SEQUENCE whose first element is a SEQUENCE) rather than a token */
export function looksLikeResponse(input: Uint8Array): boolean {
  try {
    const top = readElement(input, 0);
    const [first] = children(input, top);
    return first?.tag === 0x30;
  } catch {
    return false;
  }
}
