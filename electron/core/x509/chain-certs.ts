/**
 * Certificates as the signing chain walk (sign/issuer-chain.ts) needs them — names, key identifiers, "issued by"
 * — read with the light DER walker and node's X509Certificate, without pkijs (~0.07 s of a signature's start-up).
 * Each answer is the one certificates.ts gives with pkijs; where the light reading cannot be sure of that (an
 * encoding name-parts.ts does not mirror, a key identifier extension of an unusual shape, a certificate only pkijs
 * might read) it throws `Undecided` and the caller walks with certificates.ts instead.
 */
import { X509Certificate } from 'node:crypto';
import { equalBytes } from '../cms/bytes';
import { children, readElement, valueOf } from '../cms/der-parse';
import { readDerCertificate } from './der-certificate';
import { keyRefusal } from './key-refusal';
import { namePartsOf } from './name-parts';
import { OID } from './oids';

/** the light reading cannot give certificates.ts's answer: ask it */
export class Undecided extends Error {}

export interface ChainCert {
  der: Uint8Array;
  x509: X509Certificate;
  subject: string;
  issuer: string;
  /** subjectKeyIdentifier, authorityKeyIdentifier's keyIdentifier */
  ski?: Uint8Array;
  aki?: Uint8Array;
}

/** the one element filling `v`, of this tag (definite length), else Undecided */
function only(v: Uint8Array, tag: number) {
  const e = readElement(v, 0);
  if (e.tag !== tag || e.indefinite || e.end !== v.length) throw new Undecided();
  return e;
}

function skiOf(ext: Uint8Array | undefined): Uint8Array | undefined {
  return ext && valueOf(ext, only(ext, 0x04));
}

/** AuthorityKeyIdentifier ::= SEQUENCE { [0] keyIdentifier, [1] issuer, [2] serial } (each optional, in order) */
function akiOf(ext: Uint8Array | undefined): Uint8Array | undefined {
  if (!ext) return undefined;
  let last = -1;
  let keyId: Uint8Array | undefined;
  for (const e of children(ext, only(ext, 0x30))) {
    const at = [0x80, 0xa1, 0x82].indexOf(e.tag);
    if (at <= last || e.indefinite) throw new Undecided();
    last = at;
    if (at === 0) keyId = valueOf(ext, e);
  }
  return keyId;
}

function read(der: Uint8Array): ChainCert | undefined {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    return undefined; // certificates.ts drops it too
  }
  try {
    const d = readDerCertificate(der);
    const subject = namePartsOf(d.subject);
    const issuer = namePartsOf(d.issuer);
    if (!subject || !issuer) throw new Undecided();
    const ski = skiOf(d.extensions.get(OID.subjectKeyIdentifier));
    const aki = akiOf(d.extensions.get(OID.authorityKeyIdentifier));
    return { der, x509, subject: subject.join('/'), issuer: issuer.join('/'), ski, aki };
  } catch (e) {
    if (e instanceof Undecided) throw e;
    throw new Undecided(); // pkijs might read what the light walker refused
  }
}

/** `issuer` may have issued `child`: names chain, and the key identifiers agree where both are there */
export function mayHaveIssued(issuer: ChainCert, child: ChainCert): boolean {
  if (issuer.subject !== child.issuer) return false;
  return !child.aki || !issuer.ski || equalBytes(child.aki, issuer.ski);
}

export function isSelfIssued(c: ChainCert): boolean {
  return c.subject === c.issuer;
}

/** `issuer` may have issued `child` and its (acceptable) key verifies child's signature */
export function issued(issuer: ChainCert, child: ChainCert): boolean {
  try {
    return mayHaveIssued(issuer, child) && !keyRefusal(issuer) && child.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

/** A reader for one walk: the same bytes give the same object (as certificates.ts's cache does). */
export function chainCertReader(): (der: Uint8Array) => ChainCert | undefined {
  const seen = new Map<string, ChainCert | undefined>();
  return (der) => {
    const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1');
    if (!seen.has(key)) seen.set(key, read(der));
    return seen.get(key);
  };
}
