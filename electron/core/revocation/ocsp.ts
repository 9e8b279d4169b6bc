/**
 * Revocation status by OCSP (RFC 6960): POST to the AIA responder, then check the response: successful basic
 * response, signed by the issuer or by a responder certificate the issuer gave id-kp-OCSPSigning (not revoked
 * itself), matching CertID, fresh (thisUpdate/nextUpdate), and the nonce when the responder echoes it.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { issued, keyRefusal, parseCert, type ParsedCert } from '../x509/certificates';
import { parseCertificate } from '../x509/cert-info';
import { HASH_BY_OID } from '../cms/algorithm-oids';
import { equalBytes, hex, toArrayBuffer, toBytes } from '../cms/bytes';
import { extensionFailure } from '../x509/path-validation';
import { verifySignedBlob } from '../cms/signed-blob';
import { acceptableAt, signatureUses } from '../x509/signature-crypto';
import type { RevocationReport } from './revocation-report';
import { buildOcspRequest, certIdHashes, OID_OCSP_NONCE, type CertIdHashes } from './ocsp-request';
import { crlStatus } from './crl';
import { HOLD, HOLD_MESSAGE, reasonName } from './reasons';
import { t } from '../i18n/translate';
import type { RevocationSource } from './revocation-source';
import { afterExpiryReport, extensionTime, goodAfterExpiry, OID_OCSP_ARCHIVE_CUTOFF } from './after-expiry';

const OID_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const OID_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
const OID_OCSP_NOCHECK = '1.3.6.1.5.5.7.48.1.5';
const CLOCK_SKEW_MS = 5 * 60_000;
/** responder certificates looked at in one response (issue 19 bounds) */
const MAX_RESPONDER_CERTS = 8;
/**
 * without nextUpdate an answer speaks for this long after its thisUpdate (and is kept on disk no longer): DSS
 * holds such data not fresh (RevocationDataFreshCheckWithNullConstraint), so an old "good" replayed without a
 * nextUpdate never hides a revocation
 */
const NO_NEXT_UPDATE_TTL_MS = 60 * 60_000;

/**
 * An answer without nextUpdate is fresh when it echoes our nonce (made for this request) or when its thisUpdate
 * is recent and, `after` given (the best signature time), not before it (give or take the clock skew).
 */
function freshEnough(
  single: pkijs.SingleResponse,
  now: Date,
  after: Date | undefined,
  echoed: boolean,
): boolean {
  if (single.nextUpdate || echoed) return true;
  const at = single.thisUpdate.getTime();
  if (now.getTime() - at > NO_NEXT_UPDATE_TTL_MS) return false;
  return !after || at + CLOCK_SKEW_MS >= after.getTime();
}

function validAt(c: ParsedCert, now: Date): boolean {
  return new Date(c.x509.validFrom) <= now && now <= new Date(c.x509.validTo);
}

/**
 * Signed by the issuer itself, or by a responder the issuer certified for OCSP signing, valid now, with
 * algorithms the crypto policy accepts now: the signer.
 */
function responderOf(basic: pkijs.BasicOCSPResponse, issuer: ParsedCert, now: Date): ParsedCert | undefined {
  const tbs = toBytes(basic.tbsResponseData.tbsView);
  const sig = toBytes(basic.signature.valueBlock.valueHexView);
  const candidates: ParsedCert[] = [issuer];
  for (const c of (basic.certs ?? []).slice(0, MAX_RESPONDER_CERTS)) {
    const p = parseCert(new Uint8Array(c.toSchema().toBER(false)));
    if (p && !keyRefusal(p)) candidates.push(p);
  }
  // the response's algorithms and, for a delegated responder, its certificate's are judged as every
  // signature's (DSS applies its crypto constraints to revocation data: no SHA-1 or MD5 answer is evidence)
  return candidates.find((c) => {
    if (!acceptableAt(signatureUses(basic.signatureAlgorithm, c.x509.publicKey), now)) return false;
    if (!verifySignedBlob(tbs, basic.signatureAlgorithm, sig, c.x509.publicKey)) return false;
    if (c === issuer) return true;
    if (!acceptableAt(signatureUses(c.cert.signatureAlgorithm, issuer.x509.publicKey), now)) return false;
    const eku = c.cert.extensions?.find((e) => e.extnID === '2.5.29.37')?.parsedValue as
      pkijs.ExtKeyUsage | undefined;
    // the delegated responder ends the path issuer → responder: no unknown critical or repeated extension either
    const usable = validAt(c, now) && !extensionFailure(c);
    return usable && issued(issuer, c) && (eku?.keyPurposes ?? []).includes(OID_OCSP_SIGNING);
  });
}

/**
 * A delegated responder's own revocation (RFC 6960 §4.2.2.2.1, as DSS checks it): nothing for the issuer itself
 * or a responder with id-pkix-ocsp-nocheck; else its CRL must say good — never OCSP, where the responder would
 * vouch for itself. Revoked or unknown: its answer is not acceptable.
 */
async function responderNotRevoked(
  responder: ParsedCert,
  issuer: ParsedCert,
  source: RevocationSource,
): Promise<boolean> {
  if (responder.fingerprint === issuer.fingerprint) return true;
  if (responder.cert.extensions?.some((e) => e.extnID === OID_OCSP_NOCHECK)) return true;
  const urls = parseCertificate(responder.der).crlDistributionPoints;
  const crl = await crlStatus(responder, issuer, urls, source);
  return 'report' in crl && crl.report.status === 'good';
}

/** serial, issuerNameHash and issuerKeyHash, the hashes made with the CertID's own algorithm (RFC 6960 §4.1.1) */
function sameId(r: pkijs.SingleResponse, cert: ParsedCert, issuer: ParsedCert): boolean {
  const serial = (b: Uint8Array) => hex(b).replace(/^(00)+(?=..)/, '');
  const hash = HASH_BY_OID[r.certID.hashAlgorithm.algorithmId];
  if (!hash) return false;
  const ids = certIdHashes(cert, issuer, hash);
  return (
    serial(toBytes(r.certID.serialNumber.valueBlock.valueHexView)) === serial(ids.serial) &&
    equalBytes(toBytes(r.certID.issuerNameHash.valueBlock.valueHexView), ids.issuerNameHash) &&
    equalBytes(toBytes(r.certID.issuerKeyHash.valueBlock.valueHexView), ids.issuerKeyHash)
  );
}

function nonceOf(basic: pkijs.BasicOCSPResponse): Uint8Array | undefined {
  const ext = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === OID_OCSP_NONCE);
  if (!ext) return undefined;
  const inner = asn1js.fromBER(toArrayBuffer(toBytes(ext.extnValue.valueBlock.valueHexView)));
  return inner.result instanceof asn1js.OctetString
    ? toBytes(inner.result.valueBlock.valueHexView)
    : toBytes(ext.extnValue.valueBlock.valueHexView);
}

interface Parsed {
  single: pkijs.SingleResponse;
  basic: pkijs.BasicOCSPResponse;
  responder: ParsedCert;
}

function parseResponse(
  data: Uint8Array,
  cert: ParsedCert,
  issuer: ParsedCert,
  now: Date,
): Parsed | undefined {
  try {
    const resp = pkijs.OCSPResponse.fromBER(toArrayBuffer(data));
    if (
      resp.responseStatus.valueBlock.valueDec !== 0 ||
      resp.responseBytes?.responseType !== OID_OCSP_BASIC
    ) {
      return undefined;
    }
    const basic = pkijs.BasicOCSPResponse.fromBER(
      toArrayBuffer(toBytes(resp.responseBytes.response.getValue())),
    );
    const responder = responderOf(basic, issuer, now);
    if (!responder) return undefined;
    const single = basic.tbsResponseData.responses.find((r) => sameId(r, cert, issuer));
    if (!single) return undefined;
    if (single.thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS) return undefined;
    if (single.nextUpdate && single.nextUpdate.getTime() < now.getTime()) return undefined;
    return { single, basic, responder };
  } catch {
    return undefined;
  }
}

function report(p: Parsed, cert: ParsedCert, url: string, cached: boolean): RevocationReport | undefined {
  const status = p.single.certStatus as asn1js.BaseBlock;
  const tag = status.idBlock.tagNumber;
  let revocationTime: string | null = null;
  let revocationReason: string | null = null;
  if (tag === 1 && status instanceof asn1js.Constructed) {
    const [time, reason] = status.valueBlock.value;
    if (time instanceof asn1js.GeneralizedTime) revocationTime = time.toDate().toISOString();
    const enumerated = reason instanceof asn1js.Constructed ? reason.valueBlock.value[0] : undefined;
    if (enumerated instanceof asn1js.Enumerated)
      revocationReason = reasonName(enumerated.valueBlock.valueDec);
  }
  if (tag !== 0 && tag !== 1) return undefined;
  const cutoff = extensionTime(p.basic.tbsResponseData.responseExtensions, OID_OCSP_ARCHIVE_CUTOFF);
  if (tag === 0 && goodAfterExpiry(cert, p.single.thisUpdate, cutoff))
    return afterExpiryReport(cert, p.single.thisUpdate);
  return {
    status: tag === 0 ? 'good' : 'revoked',
    source: 'ocsp',
    url,
    cached,
    revocationTime,
    revocationReason,
    thisUpdate: p.single.thisUpdate.toISOString(),
    nextUpdate: p.single.nextUpdate ? p.single.nextUpdate.toISOString() : null,
    message: revocationReason === HOLD ? t(HOLD_MESSAGE) : null,
  };
}

export type OcspOutcome = { report: RevocationReport } | { failure: 'offline' | 'network' | 'invalid' };

/** the revocation cache's key of the answer of the responder at `url` for `ids` (the training puts one there) */
export function ocspCacheKey(url: string, ids: CertIdHashes): string {
  return `ocsp:${url}:${hex(ids.issuerKeyHash)}:${hex(ids.serial)}`;
}

export async function ocspStatus(
  cert: ParsedCert,
  issuer: ParsedCert,
  urls: string[],
  source: RevocationSource,
  /** the best signature time, when the signing certificate is asked for (an answer without nextUpdate) */
  after?: Date,
): Promise<OcspOutcome> {
  const ids = certIdHashes(cert, issuer);
  let failure: 'offline' | 'network' | 'invalid' = 'network';
  for (const url of urls.filter((u) => /^https?:/i.test(u))) {
    const key = ocspCacheKey(url, ids);
    const nonce = randomBytes(16);
    let sentByUs = false;
    const got = await source.get(key, () => {
      sentByUs = true;
      return source.httpPost(url, buildOcspRequest(ids, nonce), 'application/ocsp-request');
    });
    if (!got.ok) {
      failure = got.reason;
      continue;
    }
    const now = source.opts.now();
    const answer = parseResponse(got.value.data, cert, issuer, now);
    const parsed =
      answer && (await responderNotRevoked(answer.responder, issuer, source)) ? answer : undefined;
    const echoed = parsed && sentByUs ? nonceOf(parsed.basic) : undefined;
    const ours = echoed !== undefined && equalBytes(echoed, nonce);
    const r =
      parsed && (!echoed || ours) && freshEnough(parsed.single, now, after, ours)
        ? report(parsed, cert, url, got.value.cached)
        : undefined;
    if (!parsed || !r) {
      failure = 'invalid';
      source.forget(key);
      continue;
    }
    if (!got.value.cached) {
      const until =
        parsed.single.nextUpdate ?? new Date(parsed.single.thisUpdate.getTime() + NO_NEXT_UPDATE_TTL_MS);
      if (until > now) await source.opts.cache?.put(key, got.value.data, until);
    }
    return { report: r };
  }
  return { failure };
}
