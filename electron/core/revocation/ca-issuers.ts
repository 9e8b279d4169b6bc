/**
 * Chain completion (RFC 5280 §4.2.2.1 caIssuers): the issuer certificates published at a certificate's AIA
 * caIssuers URL, HTTP only, a DER certificate or a PKCS#7 certs-only bundle (DER or PEM), at most
 * AIA_MAX_BYTES. Fetched through the revocation source: memoised per run, kept in the disk cache for
 * AIA_CACHE_MS, only the cache with `offline`.
 */
import * as pkijs from 'pkijs';
import { parseCert, type ParsedCert } from '../x509/certificates';
import { toArrayBuffer } from '../cms/bytes';
import { fetchBytes } from './http-fetch';
import type { RevocationSource } from './revocation-source';

export const AIA_MAX_BYTES = 1024 * 1024;
export const AIA_TIMEOUT_MS = 10_000;
export const AIA_MAX_CERTS = 16;
const AIA_CACHE_MS = 7 * 24 * 3600_000;

function pemToDer(data: Uint8Array): Uint8Array {
  const text = Buffer.from(data).toString('latin1');
  const m = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END/.exec(text);
  return m?.[1] ? new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')) : data;
}

/** The certificates in an AIA answer; empty when it is neither a certificate nor a certs-only PKCS#7. */
export function certificatesOf(raw: Uint8Array): ParsedCert[] {
  const data = pemToDer(raw);
  const one = parseCert(data);
  if (one) return [one];
  try {
    const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(data));
    if (ci.contentType !== pkijs.id_ContentType_SignedData) return [];
    const sd = new pkijs.SignedData({ schema: ci.content });
    const out: ParsedCert[] = [];
    for (const c of (sd.certificates ?? []).slice(0, AIA_MAX_CERTS)) {
      if (!(c instanceof pkijs.Certificate)) continue;
      const p = parseCert(new Uint8Array(c.toSchema().toBER(false)));
      if (p) out.push(p);
    }
    return out;
  } catch {
    return [];
  }
}

/** The issuer certificates published at `url`; empty on any failure (never throws). */
export async function fetchCaIssuers(url: string, source: RevocationSource): Promise<ParsedCert[]> {
  if (!/^http:\/\//i.test(url)) return [];
  const key = `aia:${url}`;
  const timeout = Math.min(source.opts.fetch?.totalTimeoutMs ?? AIA_TIMEOUT_MS, AIA_TIMEOUT_MS);
  const got = await source.get(key, () =>
    fetchBytes(url, {
      ...source.opts.fetch,
      method: 'GET',
      maxBytes: AIA_MAX_BYTES,
      totalTimeoutMs: timeout,
    }),
  );
  if (!got.ok) return [];
  const certs = certificatesOf(got.value.data);
  if (certs.length === 0) {
    source.forget(key);
    return [];
  }
  if (!got.value.cached) {
    await source.opts.cache?.put(key, got.value.data, new Date(source.opts.now().getTime() + AIA_CACHE_MS));
  }
  return certs;
}
