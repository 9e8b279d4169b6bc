/**
 * Verifies the enveloped XMLDSig (XAdES) signature of a trusted list with the same XMLDSig code as XAdES files
 * (xml/references.ts, xml/signed-info.ts) against a given set of allowed signer certificates (never the KeyInfo
 * alone), and returns the canonical XML that the signature covers — callers parse that, not the received text, so
 * nothing unsigned (wrapped elements, a second list) is ever read. The covering reference must be URI="" or
 * "#<root Id>" with the enveloped-signature transform; exactly one ds:Signature, a direct child of the root; every
 * reference same-document and intact; SHA-256/384/512 only (no SHA-1 for trusted lists).
 */
import { X509Certificate } from 'node:crypto';
import { SigilloError, failure } from '../errors';
import { checkLocalReference, idIndex, type ReferenceResult } from '../xml/references';
import { readSignedInfo, verifySignedInfo } from '../xml/signed-info';
import { MAX_XML_DIGEST_OCTETS } from '../xml/xml-limits';
import { childElements, descendants, firstChild, parseXmlSafe, textOf } from './xml-safe';
import { NS } from './tsl-namespaces';

const STRONG = new Set(['sha256', 'sha384', 'sha512']);

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface VerifiedXml {
  /** canonical XML of the signed root element (signature removed) */
  signedXml: string;
  /** the allowed certificate whose key verified the signature, DER */
  signer: Uint8Array;
}

export function signatureInvalid(what: string, reason: string): SigilloError {
  return failure('TSL_SIGNATURE_INVALID', { what, reason });
}

/** The Reference of SignedInfo that covers the whole document, when there is one. */
function wholeDocumentReference(signature: Element, rootId: string): Element | undefined {
  const signedInfo = firstChild(signature, NS.ds, 'SignedInfo');
  const refs = signedInfo ? childElements(signedInfo, NS.ds, 'Reference') : [];
  return refs.find((ref) => {
    const uri = ref.getAttribute('URI');
    const coversRoot = uri === '' || (rootId !== '' && uri === `#${rootId}`);
    const transforms = descendants(ref, NS.ds, 'Transform').map((tr) => tr.getAttribute('Algorithm'));
    return coversRoot && transforms.includes(ENVELOPED);
  });
}

function keyInfoCertificates(signature: Element): Buffer[] {
  const keyInfo = firstChild(signature, NS.ds, 'KeyInfo');
  return keyInfo
    ? descendants(keyInfo, NS.ds, 'X509Certificate').map((c) => Buffer.from(textOf(c), 'base64'))
    : [];
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  try {
    const ka = new X509Certificate(a).publicKey.export({ type: 'spki', format: 'der' });
    return ka.equals(new X509Certificate(b).publicKey.export({ type: 'spki', format: 'der' }));
  } catch {
    return false;
  }
}

/** Every reference checked once (they do not depend on the key); the problem of the first bad one. */
function checkReferences(doc: Document, signature: Element): { refs: ReferenceResult[]; problem?: string } {
  const ctx = { doc, signature, ids: idIndex(doc), budget: { left: MAX_XML_DIGEST_OCTETS } };
  const signedInfo = firstChild(signature, NS.ds, 'SignedInfo');
  const refs = (signedInfo ? childElements(signedInfo, NS.ds, 'Reference') : []).map((r) =>
    checkLocalReference(r, ctx),
  );
  const bad = refs.find((r) => !r.digestOk || !r.hash || !STRONG.has(r.hash));
  if (!bad) return { refs };
  return {
    refs,
    problem: `reference "${bad.uri}": ${bad.problem ?? (bad.digestOk ? 'weak digest' : 'digest mismatch')}`,
  };
}

function verifyWith(info: ReturnType<typeof readSignedInfo>, cert: Uint8Array): boolean {
  try {
    return verifySignedInfo(info, new X509Certificate(cert).publicKey) === true;
  } catch {
    return false;
  }
}

/** Verifies `xml` (a trusted list) against `allowed` signer certificates (DER). */
export function verifyEnvelopedXml(xml: string, allowed: Uint8Array[], what: string): VerifiedXml {
  const doc = parseXmlSafe(xml);
  const root = doc.documentElement;
  const all = descendants(doc, NS.ds, 'Signature');
  const own = childElements(root, NS.ds, 'Signature');
  if (all.length !== 1 || own.length !== 1) {
    throw signatureInvalid(what, `expected one ds:Signature under the root, found ${all.length}`);
  }
  const signature = own[0] as Element;
  const ref = wholeDocumentReference(signature, root.getAttribute('Id') ?? '');
  if (!ref) throw signatureInvalid(what, 'no enveloped reference covers the whole document');
  if (allowed.length === 0) throw signatureInvalid(what, 'no certificate is allowed to sign it');
  const inKeyInfo = keyInfoCertificates(signature);
  const ordered = [...allowed].sort(
    (a, b) => Number(inKeyInfo.some((k) => sameKey(k, b))) - Number(inKeyInfo.some((k) => sameKey(k, a))),
  );
  const { refs, problem } = checkReferences(doc, signature);
  if (problem) throw signatureInvalid(what, problem);
  const covering = refs[childElements(ref.parentNode as Element, NS.ds, 'Reference').indexOf(ref)];
  const info = readSignedInfo(signature);
  if (!info.hash || !STRONG.has(info.hash))
    throw signatureInvalid(what, `signature method ${info.signatureUri}`);
  for (const cert of ordered) {
    if (verifyWith(info, cert) && covering?.octets) {
      return { signedXml: Buffer.from(covering.octets).toString('utf8'), signer: cert };
    }
  }
  throw signatureInvalid(what, 'no allowed certificate verifies it (tampered or signed by another key)');
}
