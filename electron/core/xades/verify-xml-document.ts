/**
 * Verifies every (top-level) ds:Signature of an XML document: enveloped (inside the signed document, e.g. a
 * FatturaPA invoice), enveloping (the signature is the root and signs its own ds:Object) or detached (references
 * to files, resolved by the caller: beside the XML, or inside an ASiC container).
 */
import { SigilloError, failure } from '../errors';
import type { RevocationChecker } from '../revocation/revocation-checker';
import type { TrustStore } from '../trust/trust-store';
import type { FatturaPaSummary } from '../fatturapa/fatturapa-types';
import { fatturaPaSummary } from '../fatturapa/fatturapa';
import { idIndex, type ExternalResolver } from '../xml/references';
import { newExternalWork, type ExternalWork } from '../xml/external-work';
import {
  coversRoot,
  verifyXmlSignature,
  type XmlSignatureMode,
  type XmlSignatureResult,
} from './verify-xml-signature';
import { MAX_XML_DIGEST_OCTETS, MAX_XML_SIGNATURES, tooManySignatures } from '../xml/xml-limits';
import { isSignedPropertiesType, NS } from '../xml/xml-names';
import { childElements, decodeXml, descendants, firstChild, parseXml } from '../xml/xml-safe';

export interface XmlVerifyOptions {
  trust: TrustStore;
  revocation?: RevocationChecker;
  now?: Date;
  external?: ExternalResolver;
  /** shared by the documents of one container (ASiC); a new one for the document otherwise */
  externalWork?: ExternalWork;
  depth?: number;
}

export interface XmlDocumentResult {
  signatures: XmlSignatureResult[];
  fatturapa?: FatturaPaSummary;
}

export function notSigned(): SigilloError {
  return failure('XML_NOT_SIGNED');
}

function insideAnotherSignature(sig: Element): boolean {
  for (let p = sig.parentNode; p; p = p.parentNode) {
    const el = p as Element;
    if (el.localName === 'Signature' && el.namespaceURI === NS.ds) return true;
  }
  return false;
}

/** The signatures to verify: every ds:Signature not nested in another (those are counter-signatures). */
export function topLevelSignatures(doc: Document): Element[] {
  return descendants(doc, NS.ds, 'Signature').filter((s) => !insideAnotherSignature(s));
}

function modeOf(signature: Element, doc: Document): XmlSignatureMode {
  const signedInfo = firstChild(signature, NS.ds, 'SignedInfo');
  const refs = signedInfo ? childElements(signedInfo, NS.ds, 'Reference') : [];
  const data = refs.filter((r) => !isSignedPropertiesType(r.getAttribute('Type')));
  const uris = data.map((r) => r.getAttribute('URI') ?? '');
  if (uris.length > 0 && uris.every((u) => u !== '' && !u.startsWith('#'))) return 'detached';
  return signature === doc.documentElement ? 'enveloping' : 'enveloped';
}

export async function verifyXmlDocument(bytes: Uint8Array, o: XmlVerifyOptions): Promise<XmlDocumentResult> {
  const doc = parseXml(decodeXml(bytes));
  const all = descendants(doc, NS.ds, 'Signature').length;
  if (all > MAX_XML_SIGNATURES) throw tooManySignatures(all);
  const signatures = topLevelSignatures(doc);
  if (signatures.length === 0) throw notSigned();
  const ids = idIndex(doc);
  const budget = { left: MAX_XML_DIGEST_OCTETS };
  const externalWork = o.externalWork ?? newExternalWork();
  const now = o.now ?? new Date();
  const results: XmlSignatureResult[] = [];
  for (const s of signatures) {
    results.push(
      await verifyXmlSignature(s, {
        doc,
        ids,
        mode: modeOf(s, doc),
        external: o.external,
        externalWork,
        budget,
        trust: o.trust,
        revocation: o.revocation,
        now,
        depth: o.depth ?? 0,
      }),
    );
  }
  // invoice data are shown only when a signature that verified (references and value) covers the root element and
  // all it holds (the data are read from it only), never from unsigned parts: a junk or failing ds:Signature with
  // URI="" must not count
  const covered = results.some((r) => r.report.integrity === 'valid' && coversRoot(r.references, doc));
  const fatturapa = covered ? fatturaPaSummary(doc) : undefined;
  return { signatures: results, ...(fatturapa ? { fatturapa } : {}) };
}
