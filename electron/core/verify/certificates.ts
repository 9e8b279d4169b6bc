/** Certificates as the verifier handles them: DER + node X509Certificate (checks) + pkijs Certificate (names, ids). */
import { X509Certificate, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { equalBytes, hex, toArrayBuffer, toBytes } from './der';
import { bytesOf, children, readElement, valueOf, type Element } from '../cms/der-parse';
import type { SignerId } from './signer-info-reader';

export interface ParsedCert {
  der: Uint8Array;
  x509: X509Certificate;
  cert: pkijs.Certificate;
  fingerprint: string;
}

const cache = new Map<string, ParsedCert | null>();

/** Parses a DER certificate; undefined when it is not one. Results are shared (batch verification). */
export function parseCert(der: Uint8Array): ParsedCert | undefined {
  const fingerprint = createHash('sha256').update(der).digest('hex');
  const hit = cache.get(fingerprint);
  if (hit !== undefined) return hit ?? undefined;
  let parsed: ParsedCert | null = null;
  try {
    const x509 = new X509Certificate(der);
    const cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
    parsed = { der, x509, cert, fingerprint };
  } catch {
    parsed = null;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(fingerprint, parsed);
  return parsed ?? undefined;
}

export function parseCerts(ders: Uint8Array[]): ParsedCert[] {
  const seen = new Set<string>();
  const out: ParsedCert[] = [];
  for (const der of ders) {
    const p = parseCert(der);
    if (p && !seen.has(p.fingerprint)) {
      seen.add(p.fingerprint);
      out.push(p);
    }
  }
  return out;
}

function stripZeros(h: string): string {
  return h.replace(/^(00)+(?=..)/, '').toLowerCase();
}

/** The subjectKeyIdentifier extension, else the SHA-1 of the subject public key (RFC 5280 method 1). */
export function subjectKeyId(p: ParsedCert): Uint8Array {
  const ext = p.cert.extensions?.find((e) => e.extnID === '2.5.29.14');
  const v = ext?.parsedValue as unknown;
  if (v instanceof asn1js.OctetString) return toBytes(v.valueBlock.valueHexView);
  return createHash('sha1')
    .update(toBytes(p.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView))
    .digest();
}

/** The DER issuer Name and serial INTEGER content of a certificate, read once per certificate. */
const issuerSerialMemo = new WeakMap<ParsedCert, { issuer: Uint8Array; serial: string }>();

function issuerAndSerial(p: ParsedCert): { issuer: Uint8Array; serial: string } {
  let r = issuerSerialMemo.get(p);
  if (!r) {
    const der = p.der;
    const tbs = children(der, readElement(der, 0))[0] as Element;
    const parts = children(der, tbs);
    const k = parts[0]?.tag === 0xa0 ? 1 : 0;
    const serial = parts[k] as Element;
    const issuer = parts[k + 2] as Element;
    r = { issuer: bytesOf(der, issuer), serial: stripZeros(hex(valueOf(der, serial))) };
    issuerSerialMemo.set(p, r);
  }
  return r;
}

/** Same issuer Name: same DER, else (differently encoded strings) the X.520 comparison of pkijs. */
function sameIssuer(p: ParsedCert, issuer: Uint8Array, issuerDer: Uint8Array): boolean {
  if (equalBytes(issuerDer, issuer)) return true;
  try {
    return p.cert.issuer.isEqual(pkijs.RelativeDistinguishedNames.fromBER(toArrayBuffer(issuer)));
  } catch {
    return false;
  }
}

/** Finds the certificate a SignerInfo's sid names (issuerAndSerialNumber or subjectKeyIdentifier). */
export function findBySignerId(sid: SignerId, pool: ParsedCert[]): ParsedCert | undefined {
  if (sid.kind === 'issuerSerial') {
    const serial = stripZeros(hex(sid.serial));
    return pool.find((p) => {
      const own = issuerAndSerial(p);
      return own.serial === serial && sameIssuer(p, sid.issuer, own.issuer);
    });
  }
  return pool.find((p) => equalBytes(subjectKeyId(p), sid.keyId));
}

export function isSelfIssued(p: ParsedCert): boolean {
  return p.x509.checkIssued(p.x509);
}

const issuedMemo = new WeakMap<ParsedCert, Map<ParsedCert, boolean>>();

/**
 * subject issued `child` and its key verifies child's signature. Remembered per pair (ParsedCerts are shared
 * by parseCert): 1000 files signed with one certificate check its signature once.
 */
export function issued(issuer: ParsedCert, child: ParsedCert): boolean {
  let byChild = issuedMemo.get(issuer);
  if (!byChild) issuedMemo.set(issuer, (byChild = new Map()));
  let r = byChild.get(child);
  if (r === undefined) {
    try {
      r = child.x509.checkIssued(issuer.x509) && child.x509.verify(issuer.x509.publicKey);
    } catch {
      r = false;
    }
    byChild.set(child, r);
  }
  return r;
}
