/**
 * Verifies the enveloped XMLDSig (XAdES) signature of a trusted list with xml-crypto against a given set of allowed
 * signer certificates (never the KeyInfo alone), and returns the canonical XML that the signature covers — callers
 * parse that, not the received text, so nothing unsigned (wrapped elements, a second list) is ever read.
 * The covering reference must be URI="" or "#<root Id>" with the enveloped-signature transform; exactly one
 * ds:Signature, a direct child of the root.
 */
import { X509Certificate } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';
import { derToPem } from '../x509/pem';
import { useTrustedListAlgorithms } from './xmldsig-algorithms';
import { useFastReferences } from './xmldsig-fast-refs';
import { childElements, descendants, firstChild, parseXmlSafe, textOf } from './xml-safe';
import { NS } from './tsl-namespaces';

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface VerifiedXml {
  /** canonical XML of the signed root element (signature removed) */
  signedXml: string;
  /** the allowed certificate whose key verified the signature, DER */
  signer: Uint8Array;
}

const INVALID = {
  it: 'La firma del documento {what} non è valida: {reason}',
  en: 'The signature of {what} is not valid: {reason}',
};

export function signatureInvalid(what: string, reason: string): SigilloError {
  return new SigilloError('TSL_SIGNATURE_INVALID', t(INVALID, { what, reason }), { what, reason });
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

/** One attempt with one allowed certificate; the signed canonical root on success. */
function tryCertificate(
  xml: string,
  signature: Element,
  cert: Uint8Array,
  refUri: string,
): string | undefined {
  const sig = new SignedXml({ publicCert: derToPem(cert), getCertFromKeyInfo: () => null });
  useTrustedListAlgorithms(sig);
  useFastReferences(sig);
  try {
    sig.loadSignature(signature);
    if (!sig.checkSignature(xml)) return undefined;
  } catch {
    return undefined;
  }
  return sig.getReferences().find((r) => r.uri === refUri)?.signedReference;
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
  const refUri = ref.getAttribute('URI') ?? '';
  for (const cert of ordered) {
    const signedXml = tryCertificate(xml, signature, cert, refUri);
    if (signedXml !== undefined) return { signedXml, signer: cert };
  }
  throw signatureInvalid(what, 'no allowed certificate verifies it (tampered or signed by another key)');
}
