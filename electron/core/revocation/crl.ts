/** Revocation status from the certificate's CRL distribution points (RFC 5280 §6.3, simplified: full CRLs). */
import * as pkijs from 'pkijs';
import type { ParsedCert } from '../x509/certificates';
import { crlIssuerOk } from '../x509/path-validation';
import { equalBytes, toArrayBuffer, toBytes } from '../cms/bytes';
import type { Element } from '../cms/der-parse';
import { verifySignedBlob } from '../cms/signed-blob';
import { acceptableAt, signatureUses } from '../x509/signature-crypto';
import type { RevocationReport } from './revocation-report';
import { HOLD, HOLD_MESSAGE, isHold, reasonName } from './reasons';
import { t } from '../i18n/translate';
import type { RevocationSource } from './revocation-source';
import { afterExpiryReport, extensionTime, goodAfterExpiry, OID_EXPIRED_CERTS_ON_CRL } from './after-expiry';
import { entriesComplete, findEntry, splitCrl } from './crl-entries';

interface CheckedCrl {
  /** the CRL without its revokedCertificates, which are read from `data` where `entries` is */
  crl: pkijs.CertificateRevocationList;
  data: Uint8Array;
  entries?: Element;
  nextUpdate: Date;
  idp?: pkijs.IssuingDistributionPoint;
}

const OID_CRL_NUMBER = '2.5.29.20';
const OID_DELTA_CRL = '2.5.29.27';
const OID_IDP = '2.5.29.28';
const OID_AKI = '2.5.29.35';
/** CRL extensions understood here (RFC 5280 §5.2): any other critical one makes the CRL unusable */
const CRL_EXTENSIONS = new Set([
  OID_AKI,
  OID_CRL_NUMBER,
  OID_IDP,
  '2.5.29.46',
  '1.3.6.1.5.5.7.1.1',
  OID_EXPIRED_CERTS_ON_CRL,
]);
/** entry extensions understood (§5.3): reasonCode, holdInstructionCode, invalidityDate (certificateIssuer only
 * appears in indirect CRLs, which are not accepted) */
const ENTRY_EXTENSIONS = new Set(['2.5.29.21', '2.5.29.23', '2.5.29.24']);

/**
 * A complete CRL of the issuer, or the reason it is not one: a delta CRL (§5.2.4), an indirect CRL or one for
 * some reasons only (§5.2.5), an unknown critical extension of the CRL or of an entry (§5.2, §5.3).
 */
function completeCrl(
  crl: pkijs.CertificateRevocationList,
  data: Uint8Array,
  entries: Element | undefined,
): {
  ok: boolean;
  idp?: pkijs.IssuingDistributionPoint;
} {
  let idp: pkijs.IssuingDistributionPoint | undefined;
  for (const e of crl.crlExtensions?.extensions ?? []) {
    if (e.extnID === OID_DELTA_CRL) return { ok: false };
    if (e.extnID === OID_IDP) {
      idp = e.parsedValue as pkijs.IssuingDistributionPoint | undefined;
      if (!(idp instanceof pkijs.IssuingDistributionPoint)) return { ok: false };
      if (idp.indirectCRL || idp.onlySomeReasons !== undefined || idp.onlyContainsAttributeCerts)
        return { ok: false };
    } else if (e.critical && !CRL_EXTENSIONS.has(e.extnID)) return { ok: false };
  }
  if (entries && !entriesComplete(data, entries, ENTRY_EXTENSIONS)) return { ok: false };
  return { ok: true, idp };
}

/** results per CRL bytes and per issuer certificate: a CRL accepted for one issuer says nothing for another */
const parsedCache = new WeakMap<Uint8Array, Map<string, CheckedCrl | null>>();

/** Parses and checks a CRL against its issuer: signature and its algorithms, issuer name, freshness, completeness. */
function checkCrl(data: Uint8Array, issuer: ParsedCert, now: Date): CheckedCrl | undefined {
  let byIssuer = parsedCache.get(data);
  if (!byIssuer) {
    byIssuer = new Map();
    parsedCache.set(data, byIssuer);
  }
  const memo = byIssuer.get(issuer.fingerprint);
  if (memo !== undefined) return memo ?? undefined;
  let result: CheckedCrl | null = null;
  try {
    // the entries (megabytes for a qualified CA) are walked in place; pkijs reads the rest
    const parts = splitCrl(data);
    const crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(parts.withoutEntries));
    crl.tbsView = parts.tbs; // the signature is over the TBS as found, entries included
    const next = crl.nextUpdate?.value;
    const fresh =
      crl.thisUpdate.value.getTime() <= now.getTime() + 300_000 && next !== undefined && next > now;
    // its algorithms judged as every signature's (DSS: a SHA-1 CRL is no evidence since 2009)
    const signed =
      acceptableAt(signatureUses(crl.signatureAlgorithm, issuer.x509.publicKey), now) &&
      verifySignedBlob(
        toBytes(crl.tbsView),
        crl.signatureAlgorithm,
        toBytes(crl.signatureValue.valueBlock.valueHexView),
        issuer.x509.publicKey,
      );
    const complete = completeCrl(crl, data, parts.entries);
    if (fresh && signed && complete.ok && crl.issuer.isEqual(issuer.cert.subject) && crlIssuerOk(issuer))
      result = { crl, data, entries: parts.entries, nextUpdate: next, idp: complete.idp };
  } catch {
    result = null;
  }
  byIssuer.set(issuer.fingerprint, result);
  return result ?? undefined;
}

function isCa(cert: ParsedCert): boolean {
  const bc = cert.cert.extensions?.find((e) => e.extnID === '2.5.29.19')?.parsedValue as
    { cA?: boolean } | undefined;
  return bc?.cA === true;
}

const nameBytes = (n: pkijs.GeneralName): Uint8Array =>
  toBytes((n.toSchema() as { toBER(sizeOnly: boolean): ArrayBuffer }).toBER(false));

/** the full names of the certificate's CRL distribution points (RFC 5280 §4.2.1.13) */
function distributionPointNames(cert: ParsedCert): Uint8Array[] {
  const ext = cert.cert.extensions?.find((e) => e.extnID === '2.5.29.31')?.parsedValue as
    pkijs.CRLDistributionPoints | undefined;
  return (ext?.distributionPoints ?? []).flatMap((dp) =>
    Array.isArray(dp.distributionPoint) ? dp.distributionPoint.map(nameBytes) : [],
  );
}

/**
 * The CRL's scope covers `cert` (RFC 5280 §6.3.3 b.2): its issuingDistributionPoint, when present, names one of
 * the certificate's distribution points, and does not limit the CRL to CA or to end-entity certificates only
 * when `cert` is the other kind.
 */
function inScope(checked: CheckedCrl, cert: ParsedCert): boolean {
  const idp = checked.idp;
  if (!idp) return true;
  if (idp.onlyContainsCACerts && !isCa(cert)) return false;
  if (idp.onlyContainsUserCerts && isCa(cert)) return false;
  if (idp.distributionPoint === undefined) return true;
  if (!Array.isArray(idp.distributionPoint)) return false; // nameRelativeToCRLIssuer: not followed
  const names = distributionPointNames(cert);
  return idp.distributionPoint.some((n) => names.some((m) => equalBytes(nameBytes(n), m)));
}

export type CrlOutcome = { report: RevocationReport } | { failure: 'offline' | 'network' | 'invalid' };

function crlReport(cert: ParsedCert, checked: CheckedCrl, url: string, cached: boolean): RevocationReport {
  const serial = cert.cert.serialNumber.valueBlock.valueHexView;
  const entry = checked.entries && findEntry(checked.data, checked.entries, serial);
  const thisUpdate = checked.crl.thisUpdate.value;
  const cover = extensionTime(checked.crl.crlExtensions?.extensions, OID_EXPIRED_CERTS_ON_CRL);
  if (!entry && goodAfterExpiry(cert, thisUpdate, cover)) return afterExpiryReport(cert, thisUpdate);
  return {
    status: entry ? 'revoked' : 'good',
    source: 'crl',
    url,
    cached,
    revocationTime: entry ? entry.revocationDate.toISOString() : null,
    revocationReason: entry ? reasonName(entry.reason) : null,
    thisUpdate: checked.crl.thisUpdate.value.toISOString(),
    nextUpdate: checked.nextUpdate.toISOString(),
    message: entry && reasonName(entry.reason) === HOLD ? t(HOLD_MESSAGE) : null,
  };
}

/**
 * The status from the first usable CRL at `urls`; with `all`, every CRL is looked at (embedded ones: any of them
 * may be chosen by whoever made the file), a revocation on any wins, else the most recent "good".
 */
export async function crlStatus(
  cert: ParsedCert,
  issuer: ParsedCert,
  urls: string[],
  source: RevocationSource,
  all = false,
): Promise<CrlOutcome> {
  let failure: 'offline' | 'network' | 'invalid' = 'network';
  let good: RevocationReport | undefined;
  let unusable: RevocationReport | undefined;
  const now = source.opts.now();
  for (const url of urls.filter((u) => /^https?:/i.test(u))) {
    const key = `crl:${url}`;
    const got = await source.get(key, () => source.httpGet(url));
    if (!got.ok) {
      failure = got.reason;
      continue;
    }
    const checked = checkCrl(got.value.data, issuer, now);
    if (!checked) {
      failure = 'invalid';
      source.forget(key);
      continue;
    }
    if (!got.value.cached) await source.opts.cache?.put(key, got.value.data, checked.nextUpdate);
    if (!inScope(checked, cert)) {
      failure = 'invalid';
      continue;
    }
    const report = crlReport(cert, checked, url, got.value.cached);
    // a "good" that cannot speak for an expired certificate: another CRL may still
    if (report.status === 'unknown') {
      unusable ??= report;
      continue;
    }
    if (!all || (report.status === 'revoked' && !isHold(report))) return { report };
    // a suspension and the "good" answers: the newest decides (a hold on an older CRL may have been lifted)
    if (!good || (good.thisUpdate ?? '') < (report.thisUpdate ?? '')) good = report;
  }
  const found = good ?? unusable;
  return found ? { report: found } : { failure };
}
