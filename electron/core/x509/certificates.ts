/** Certificates as the verifier handles them: DER + node X509Certificate (checks) + pkijs Certificate (names, ids). */
import { X509Certificate, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { equalBytes, hex, toArrayBuffer, toBytes } from '../cms/bytes';
import { bytesOf, children, readElement, valueOf, type Element } from '../cms/der-parse';
import type { SignerId } from '../cms/signer-info-reader';
import { digestBytes, type HashName } from '../cms/algorithm-oids';
import { keyRefusal } from './key-refusal';

export { keyRefusal, MAX_RSA_BITS } from './key-refusal';

export interface ParsedCert {
  der: Uint8Array;
  x509: X509Certificate;
  cert: pkijs.Certificate;
  fingerprint: string;
}

/**
 * Parsed certificates by their exact bytes: a bucket per hash of the length and a sample of the bytes (no string
 * or digest made per lookup), an entry found only when its bytes equal the asked ones. Bounded: cleared past CAP.
 */
const CAP = 5000;
const BUCKET = 4;
const cache = new Map<number, { der: Buffer; parsed: ParsedCert | null }[]>();
let cached = 0;

/** FNV-1a over the length, up to 64 bytes spread over the whole and the last 32 (the signature's tail) */
function sampleHash(b: Uint8Array): number {
  const n = b.length;
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  const step = Math.max(1, Math.floor(n / 32));
  for (let i = 0; i < n; i += step) h = Math.imul(h ^ (b[i] as number), 0x01000193);
  for (let i = Math.max(0, n - 32); i < n; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
  return h;
}

/** Parses a DER certificate; undefined when it is not one. Results are shared (batch verification). */
export function parseCert(der: Uint8Array): ParsedCert | undefined {
  const h = sampleHash(der);
  const bucket = cache.get(h);
  if (bucket) for (const e of bucket) if (e.der.equals(der)) return e.parsed ?? undefined;
  let parsed: ParsedCert | null = null;
  try {
    const x509 = new X509Certificate(der);
    // a validity time Node cannot read (a UTCTime with a letter in it) is no usable certificate: such a copy in a
    // file's unsigned data made date arithmetic throw ("Invalid time value") — dropped like any unreadable one
    if (Number.isNaN(Date.parse(x509.validFrom)) || Number.isNaN(Date.parse(x509.validTo)))
      throw new Error('unreadable validity');
    const cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
    parsed = { der, x509, cert, fingerprint: createHash('sha256').update(der).digest('hex') };
  } catch {
    parsed = null;
  }
  if (cached >= CAP) {
    cache.clear();
    cached = 0;
  }
  const entry = { der: Buffer.from(der), parsed }; // a copy: `der` may view a reused buffer
  const into = cache.get(h);
  if (!into) cache.set(h, [entry]);
  else if (into.length < BUCKET)
    into.push(entry); // crafted look-alikes are parsed again, never searched long
  else return parsed ?? undefined;
  cached++;
  return parsed ?? undefined;
}

/** a certificate's validity bounds (ms since the epoch, NaN if unreadable), parsed once per certificate */
const boundsOf = new WeakMap<ParsedCert, { from: number; to: number }>();

export function validityOf(c: ParsedCert): { from: number; to: number } {
  let b = boundsOf.get(c);
  if (!b) boundsOf.set(c, (b = { from: Date.parse(c.x509.validFrom), to: Date.parse(c.x509.validTo) }));
  return b;
}

const certDigests = new WeakMap<ParsedCert, Map<HashName, Uint8Array>>();

/** the digest of a certificate's DER (ESS signing-certificate checks), computed once per certificate */
export function certDigest(p: ParsedCert, hash: HashName): Uint8Array {
  let byHash = certDigests.get(p);
  if (!byHash) certDigests.set(p, (byHash = new Map()));
  let d = byHash.get(hash);
  if (!d) byHash.set(hash, (d = digestBytes(hash, p.der)));
  return d;
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

/** The subjectKeyIdentifier extension, else the SHA-1 of the subject public key (RFC 5280 method 1). */
export function subjectKeyId(p: ParsedCert): Uint8Array {
  const ext = p.cert.extensions?.find((e) => e.extnID === '2.5.29.14');
  const v = ext?.parsedValue as unknown;
  if (v instanceof asn1js.OctetString) return toBytes(v.valueBlock.valueHexView);
  return createHash('sha1')
    .update(toBytes(p.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView))
    .digest();
}

/** an INTEGER's content without its leading zero bytes (one byte kept): the form serials are compared in */
function strippedSerial(v: Uint8Array): Uint8Array {
  let i = 0;
  while (i < v.length - 1 && v[i] === 0) i++;
  return v.subarray(i);
}

function sameSerial(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The DER issuer Name and serial INTEGER content (leading zeros stripped) of a certificate, read once. */
const issuerSerialMemo = new WeakMap<ParsedCert, { issuer: Uint8Array; serial: Uint8Array }>();

function issuerAndSerial(p: ParsedCert): { issuer: Uint8Array; serial: Uint8Array } {
  let r = issuerSerialMemo.get(p);
  if (!r) {
    const der = p.der;
    const tbs = children(der, readElement(der, 0))[0] as Element;
    const parts = children(der, tbs);
    const k = parts[0]?.tag === 0xa0 ? 1 : 0;
    const serial = parts[k] as Element;
    const issuer = parts[k + 2] as Element;
    r = { issuer: bytesOf(der, issuer), serial: Uint8Array.from(strippedSerial(valueOf(der, serial))) };
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

/** Whether `p` is the certificate a SignerInfo's sid names (issuerAndSerialNumber or subjectKeyIdentifier). */
function signerIdMatcher(sid: SignerId): (p: ParsedCert) => boolean {
  if (sid.kind === 'issuerSerial') {
    const serial = strippedSerial(sid.serial);
    return (p) => {
      const own = issuerAndSerial(p);
      return sameSerial(own.serial, serial) && sameIssuer(p, sid.issuer, own.issuer);
    };
  }
  return (p) => equalBytes(subjectKeyId(p), sid.keyId);
}

/** Finds the first certificate a SignerInfo's sid names (issuerAndSerialNumber or subjectKeyIdentifier). */
export function findBySignerId(sid: SignerId, pool: ParsedCert[]): ParsedCert | undefined {
  return pool.find(signerIdMatcher(sid));
}

/**
 * Every certificate of the pool the sid names, each once (by fingerprint), in pool order: the sid is not signed,
 * so anyone may add a certificate answering to it (verify/signer-choice.ts chooses among them).
 */
export function findAllBySignerId(sid: SignerId, pool: ParsedCert[]): ParsedCert[] {
  const named = pool.filter(signerIdMatcher(sid));
  if (named.length < 2) return named;
  const seen = new Set<string>();
  return named.filter((c) => !seen.has(c.fingerprint) && seen.add(c.fingerprint));
}

/** RFC 5280 §7.1 name comparison, approximated: RDN by RDN, strings case-folded with whitespace collapsed. */
const namePartsMemo = new WeakMap<pkijs.RelativeDistinguishedNames, string[]>();

/** A Name's attributes in order, each `type=value` with strings prepared for comparison. */
export function nameParts(n: pkijs.RelativeDistinguishedNames): string[] {
  let parts = namePartsMemo.get(n);
  if (parts === undefined) {
    parts = n.typesAndValues.map((tv) => {
      const v = tv.value as { valueBlock?: { value?: unknown } };
      const text =
        typeof v.valueBlock?.value === 'string'
          ? pkijs.stringPrep(v.valueBlock.value)
          : `#${hex(toBytes(tv.value.valueBeforeDecodeView))}`;
      return `${tv.type}=${text}`;
    });
    namePartsMemo.set(n, parts);
  }
  return parts;
}

const nameKey = (n: pkijs.RelativeDistinguishedNames): string => nameParts(n).join('/');

/** a certificate's subject and issuer Names in the form name chaining compares (index keys) */
export const subjectKey = (p: ParsedCert): string => nameKey(p.cert.subject);
export const issuerKey = (p: ParsedCert): string => nameKey(p.cert.issuer);

/** the subject Name of `issuer` is the issuer Name of `child` (name chaining, RFC 5280 §6.1.3 a 4) */
export function namesChain(issuer: ParsedCert, child: ParsedCert): boolean {
  return nameKey(issuer.cert.subject) === nameKey(child.cert.issuer);
}

/** self-issued (RFC 5280 §3.2): subject and issuer are the same name */
export function isSelfIssued(p: ParsedCert): boolean {
  return namesChain(p, p);
}

function extensionOctets(p: ParsedCert, oid: string): Uint8Array | undefined {
  const v = p.cert.extensions?.find((e) => e.extnID === oid)?.parsedValue as unknown;
  if (v instanceof asn1js.OctetString) return toBytes(v.valueBlock.valueHexView);
  const aki = v as { keyIdentifier?: asn1js.OctetString } | undefined;
  return aki?.keyIdentifier ? toBytes(aki.keyIdentifier.valueBlock.valueHexView) : undefined;
}

/**
 * `issuer` may have issued `child` by names and key identifiers (no signature check): names chain, and when the
 * child's authorityKeyIdentifier and the issuer's subjectKeyIdentifier are both present they are equal.
 */
export function mayHaveIssued(issuer: ParsedCert, child: ParsedCert): boolean {
  if (!namesChain(issuer, child)) return false;
  const aki = extensionOctets(child, '2.5.29.35');
  const ski = aki ? extensionOctets(issuer, '2.5.29.14') : undefined;
  return !aki || !ski || equalBytes(aki, ski);
}

const issuedMemo = new WeakMap<ParsedCert, Map<ParsedCert, boolean>>();

/** The answer already known for this pair, if any (no signature math). */
export function knownIssued(issuer: ParsedCert, child: ParsedCert): boolean | undefined {
  return issuedMemo.get(issuer)?.get(child);
}

/**
 * subject issued `child` and its key verifies child's signature. Remembered per pair (ParsedCerts are shared
 * by parseCert): 1000 files signed with one certificate check its signature once. A key refused by
 * `keyRefusal` (too big, unknown curve) never reaches the signature math.
 */
export function issued(issuer: ParsedCert, child: ParsedCert): boolean {
  let byChild = issuedMemo.get(issuer);
  if (!byChild) issuedMemo.set(issuer, (byChild = new Map()));
  let r = byChild.get(child);
  if (r === undefined) {
    try {
      r = mayHaveIssued(issuer, child) && !keyRefusal(issuer) && child.x509.verify(issuer.x509.publicKey);
    } catch {
      r = false;
    }
    byChild.set(child, r);
  }
  return r;
}
