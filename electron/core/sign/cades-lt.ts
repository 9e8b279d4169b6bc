/**
 * CAdES-LT data (ETSI EN 319 122-1 §5.4, RFC 5126 §6.3.3/6.3.4): certificate-values (every certificate needed to
 * validate the signature and its timestamps) and revocation-values (the CRLs of those certificates, fetched
 * now from their distribution points) as unsigned attributes, so later verification works offline.
 * Certificates that name no CRL distribution point are embedded without revocation data (OCSP-only: not yet).
 */
import { SigilloError, failure } from '../errors';
import { sequence, tlv } from '../cms/der';
import { attribute } from '../cms/signed-attributes';
import { fetchBytes } from '../revocation/http-fetch';
import { TrustStore } from '../trust/trust-store';
import { findBySignerId, isSelfIssued, parseCerts, type ParsedCert } from '../x509/certificates';
import { buildChain } from '../verify/chain';
import { readSignerInfo } from '../cms/signer-info-reader';
import { parseCertificate } from '../x509/cert-info';
import { parseTimestampToken } from '../tsa/timestamp-token';
import { addSignatureTimestamp } from './cades-t';
import { OID } from '../cms/oids';
import type { SignerInfoFinisher } from '../cms/finish-signer-info';
import type { TsaConfig } from '../tsa/tsa-client';
import { unsignedAttributes, withUnsignedAttribute } from '../cms/unsigned-attributes';

export interface LtOptions {
  /** certificates available (SignedData certificates, trust anchors, …) */
  certificates: Uint8Array[];
  trust?: TrustStore;
  fetchTimeoutMs?: number;
}

function signerCert(si: Uint8Array, pool: ParsedCert[]): ParsedCert | undefined {
  try {
    return findBySignerId(readSignerInfo(si).sid, pool);
  } catch {
    return undefined;
  }
}

function revocationUnavailable(name: string, url: string): SigilloError {
  return failure('LT_REVOCATION_UNAVAILABLE', { name, url });
}

async function crlsFor(chain: ParsedCert[], timeoutMs: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const c of chain) {
    if (isSelfIssued(c)) continue;
    const urls = parseCertificate(c.der).crlDistributionPoints.filter((u) => /^https?:/i.test(u));
    if (urls.length === 0) continue;
    let got: Uint8Array | undefined;
    for (const url of urls) {
      got = await fetchBytes(url, { totalTimeoutMs: timeoutMs }).catch(() => undefined);
      if (got) break;
    }
    if (!got) throw revocationUnavailable(c.x509.subject.replace(/\n/g, ', '), urls[0] as string);
    out.push(got);
  }
  return out;
}

export interface ValidationData {
  certificates: ParsedCert[];
  crls: Uint8Array[];
}

/** The certificates (signer's and signature timestamps' chains) and their CRLs, downloaded now. */
export async function collectValidationData(si: Uint8Array, o: LtOptions): Promise<ValidationData> {
  const trust = o.trust ?? new TrustStore([]);
  const tokens = unsignedAttributes(si)
    .filter((a) => a.type === OID.signatureTimeStamp)
    .flatMap((a) => a.values)
    .map((v) => parseTimestampToken(v));
  const pool = parseCerts([
    ...o.certificates,
    ...tokens.flatMap((tk) => tk.certificates),
    ...trust.anchors.map((a) => a.der),
  ]);
  const starts = [
    signerCert(si, pool),
    ...tokens.map((tk) => signerCert(tk.signerInfos[0] ?? new Uint8Array(), pool)),
  ];
  const chains = starts
    .filter((c): c is ParsedCert => c !== undefined)
    .map((c) => buildChain(c, pool, trust).certs);
  const certificates = [...new Map(chains.flat().map((c) => [c.fingerprint, c])).values()];
  return { certificates, crls: await crlsFor(certificates, o.fetchTimeoutMs ?? 20_000) };
}

/** The SignerInfo with certificate-values and revocation-values added (after its signature timestamps). */
export async function addLtValues(si: Uint8Array, o: LtOptions): Promise<Uint8Array> {
  const { certificates, crls } = await collectValidationData(si, o);
  let out = withUnsignedAttribute(si, attribute(OID.certValues, sequence(...certificates.map((c) => c.der))));
  out = withUnsignedAttribute(out, attribute(OID.revocationValues, sequence(tlv(0xa0, sequence(...crls)))));
  return out;
}

/** The finishSignerInfo hook for `sign --level LT`: signature timestamp, then the LT values of the signer's chain. */
export function ltFinisher(tsa: TsaConfig, trust?: TrustStore): SignerInfoFinisher {
  return async (si, signer) =>
    addLtValues(await addSignatureTimestamp(si, tsa), {
      certificates: signer ? [signer.certificate, ...signer.chain] : [],
      trust,
    });
}
