/** Bounded download of one trusted list, then signature verification against the allowed certificates. */
import { X509Certificate } from 'node:crypto';
import { failure } from '../errors';
import { fetchBytes } from '../revocation/http-fetch';
import type { CachedList } from './tsl-cache';
import { parseTrustedList } from './tsl-parse';
import { MAX_XML_BYTES } from './xml-safe';
import { verifyEnvelopedXml } from './xmldsig-verify';

export const DOWNLOAD_LIMITS = { connectTimeoutMs: 10_000, totalTimeoutMs: 90_000, maxBytes: MAX_XML_BYTES };

export async function downloadText(url: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(url, DOWNLOAD_LIMITS);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw failure('TSL_DOWNLOAD_FAILED', { url, reason });
  }
  const text = Buffer.from(bytes).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Downloads `url`, verifies its signature with one of `allowed` (DER) and parses what the signature covers. */
export async function fetchVerifiedList(
  url: string,
  allowed: Uint8Array[],
  what: string,
): Promise<CachedList> {
  return verifiedList(url, await downloadText(url), allowed, what);
}

/** Verifies downloaded `xml` with one of `allowed` (DER) and parses what the signature covers. */
export function verifiedList(url: string, xml: string, allowed: Uint8Array[], what: string): CachedList {
  const verified = verifyEnvelopedXml(xml, allowed, what);
  const list = parseTrustedList(verified.signedXml);
  return {
    url,
    fetchedAt: new Date().toISOString(),
    signer: new X509Certificate(verified.signer).subject.replace(/\n/g, ', '),
    list,
  };
}
