/** Revocation status from the certificate's CRL distribution points (RFC 5280 §6.3, simplified: full CRLs). */
import * as pkijs from 'pkijs';
import type { ParsedCert } from '../x509/certificates';
import { crlIssuerOk } from '../x509/path-validation';
import { hex, toArrayBuffer, toBytes } from '../cms/bytes';
import { verifySignedBlob } from '../cms/signed-blob';
import type { RevocationReport } from './revocation-report';
import { reasonName } from './reasons';
import type { RevocationSource } from './revocation-source';

interface CheckedCrl {
  crl: pkijs.CertificateRevocationList;
  nextUpdate: Date;
}

const parsedCache = new WeakMap<Uint8Array, CheckedCrl | null>();

/** Parses and checks a CRL against its issuer: signature, issuer name, freshness. */
function checkCrl(data: Uint8Array, issuer: ParsedCert, now: Date): CheckedCrl | undefined {
  const memo = parsedCache.get(data);
  if (memo !== undefined) return memo ?? undefined;
  let result: CheckedCrl | null = null;
  try {
    const crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(data));
    const next = crl.nextUpdate?.value;
    const fresh =
      crl.thisUpdate.value.getTime() <= now.getTime() + 300_000 && next !== undefined && next > now;
    const signed = verifySignedBlob(
      toBytes(crl.tbsView),
      crl.signatureAlgorithm,
      toBytes(crl.signatureValue.valueBlock.valueHexView),
      issuer.x509.publicKey,
    );
    if (fresh && signed && crl.issuer.isEqual(issuer.cert.subject) && crlIssuerOk(issuer))
      result = { crl, nextUpdate: next };
  } catch {
    result = null;
  }
  parsedCache.set(data, result);
  return result ?? undefined;
}

function serialHex(i: { valueBlock: { valueHexView: Uint8Array } }): string {
  return hex(i.valueBlock.valueHexView).replace(/^(00)+(?=..)/, '');
}

export type CrlOutcome = { report: RevocationReport } | { failure: 'offline' | 'network' | 'invalid' };

export async function crlStatus(
  cert: ParsedCert,
  issuer: ParsedCert,
  urls: string[],
  source: RevocationSource,
): Promise<CrlOutcome> {
  let failure: 'offline' | 'network' | 'invalid' = 'network';
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
    const serial = serialHex(cert.cert.serialNumber);
    const entry = checked.crl.revokedCertificates?.find((r) => serialHex(r.userCertificate) === serial);
    const reasonExt = entry?.crlEntryExtensions?.extensions.find((e) => e.extnID === '2.5.29.21');
    const reasonValue = (reasonExt?.parsedValue as { valueBlock?: { valueDec?: number } } | undefined)
      ?.valueBlock;
    return {
      report: {
        status: entry ? 'revoked' : 'good',
        source: 'crl',
        url,
        cached: got.value.cached,
        revocationTime: entry ? entry.revocationDate.value.toISOString() : null,
        revocationReason: entry ? reasonName(reasonValue?.valueDec) : null,
        thisUpdate: checked.crl.thisUpdate.value.toISOString(),
        nextUpdate: checked.nextUpdate.toISOString(),
        message: null,
      },
    };
  }
  return { failure };
}
