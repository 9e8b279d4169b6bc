/**
 * Caps on hostile XML (issue 19), each with its own error code: markup count before the DOM is built (memory),
 * element depth after it (the tree walkers and canonicalisation recurse), the number of ds:Signature elements, a
 * budget of canonicalised octets per document (work: signatures over the whole document make it quadratic), the
 * ds:Reference elements per signature and a budget of canonicalisation work per document (input nodes visited,
 * comments included, and namespaces in scope × nodes).
 */
import { SigilloError, failure } from '../errors';

export interface XmlLimits {
  /** characters of XML text */
  maxBytes: number;
  /**
   * DOM nodes, estimated before parsing: two per start markup ('<' not followed by '/': an element and its text)
   * plus one per '=' (attributes). Memory and parse time follow the node count, not the byte count.
   */
  maxMarkup: number;
  /** element nesting */
  maxDepth: number;
}

export const XML_LIMITS: XmlLimits = { maxBytes: 32 * 1024 * 1024, maxMarkup: 400_000, maxDepth: 256 };

/** ds:Signature elements (counter-signatures included) verified in one document */
export const MAX_XML_SIGNATURES = 100;

/** canonicalised / transformed octets digested for one document, all references of all signatures together */
export const MAX_XML_DIGEST_OCTETS = 96 * 1024 * 1024;

/**
 * octets of referenced files (beside the XML, or ASiC entries) read and digested for one document or container:
 * each file is digested once per digest algorithm (external-work.ts), so this is about the files' size times the
 * algorithms used, the size of a full ASiC container (zip-reader.ts maxTotalBytes) once; a few seconds at most
 */
export const MAX_EXTERNAL_OCTETS = 1024 * 1024 * 1024;

/** ds:Reference elements in one ds:SignedInfo: real signatures have 2–4 (a few more for ASiC-E files; Santuario's
 * secure validation, which DSS uses, allows 30 a Manifest) */
export const MAX_XML_REFERENCES = 100;

/**
 * work units of one input node visited by canonicalisation, an element counting twice (in xml-crypto about 0.5 µs
 * for a text, a comment or an attribute, 1–1.5 µs for an element; a unit is about 20 ns, one namespace in scope
 * copied and scanned for one node)
 */
export const C14N_NODE_WORK = 50;

/**
 * canonicalisation work for one document, all canonicalisations of all references together: nodes visited ×
 * C14N_NODE_WORK plus namespace declarations in scope × nodes (xml-crypto copies and scans the in-scope list for
 * every node, so thousands of declarations on the root times many elements would cost their product). A second or
 * two in all; an ordinary document spends a few units per node over C14N_NODE_WORK, so one at the node cap (an
 * element and its text per two nodes) can still be canonicalised whole about three times, one of a hundred
 * thousand nodes a dozen times.
 */
export const MAX_C14N_WORK = 4 * C14N_NODE_WORK * XML_LIMITS.maxMarkup;

export function tooLarge(max: number): SigilloError {
  return failure('XML_TOO_LARGE', { n: Math.floor(max / 1024 / 1024) });
}

export function tooDeep(max: number): SigilloError {
  return failure('XML_TOO_DEEP', { n: max });
}

export function tooManyNodes(max: number): SigilloError {
  return failure('XML_TOO_MANY_NODES', { n: max });
}

export function tooManySignatures(found: number): SigilloError {
  return failure('XML_TOO_MANY_SIGNATURES', { found, n: MAX_XML_SIGNATURES });
}

export function tooMuchWork(): SigilloError {
  return failure('XML_TOO_COMPLEX', { n: MAX_XML_DIGEST_OCTETS / 1024 / 1024 });
}

export function tooMuchFileWork(): SigilloError {
  return failure('XML_TOO_COMPLEX:files', { n: MAX_EXTERNAL_OCTETS / 1024 / 1024 });
}

export function tooManyReferences(found: number): SigilloError {
  return failure('XML_TOO_COMPLEX:references', { found, n: MAX_XML_REFERENCES });
}

export function tooManyNamespaces(): SigilloError {
  return failure('XML_TOO_COMPLEX:namespaces');
}

/** a work limit hit while canonicalising: the file is refused, never turned into one failed reference */
export function isWorkLimit(e: unknown): e is SigilloError {
  return e instanceof SigilloError && e.code === 'XML_TOO_COMPLEX';
}

/** Estimates the DOM nodes up to the cap (well-formed XML has no raw '<' in attribute values or text). */
export function checkMarkup(text: string, max: number): void {
  let count = 0;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    if (text.charCodeAt(at + 1) !== 0x2f && (count += 2) > max) throw tooManyNodes(max);
  }
  for (let at = text.indexOf('='); at >= 0; at = text.indexOf('=', at + 1)) {
    if (++count > max) throw tooManyNodes(max);
  }
}

/** Iterative depth check of a parsed tree (no recursion: it runs before the recursive walkers). */
export function checkDepth(doc: Document, max: number): void {
  let depth = 0;
  let node: Node | null = doc.firstChild;
  while (node) {
    if (node.nodeType === 1 && node.firstChild) {
      if (++depth > max) throw tooDeep(max);
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (node && node.nodeType === 1) depth--;
      if (node === doc) return;
    }
    node = node ? node.nextSibling : null;
  }
}
