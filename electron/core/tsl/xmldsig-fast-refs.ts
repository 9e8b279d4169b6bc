/**
 * Faster same-document reference resolution for xml-crypto on large trusted lists (several MB): xml-crypto finds
 * URI="" with the XPath `//*` and `#id` with three `//*[@Id=…]` scans, which take seconds each on a 5 MB list.
 * This resolves them with one DOM walk and gives xml-crypto a positional XPath (`/*[1]/*[3]…`, cheap to evaluate)
 * for the ancestor-namespace lookup; canonicalisation, transforms and digests stay xml-crypto's. The same rules
 * hold: URI="" is the document element; an id must match exactly one element (Id, ID or id), else nothing is
 * validated (signature-wrapping defence). Falls back to xml-crypto's own code if its internals differ.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Reference, SignedXml } from 'xml-crypto';

interface Internals {
  idAttributes: string[];
  validateReference(ref: Reference, doc: Document): string | undefined;
  getCanonReferenceXml(doc: Document, ref: Reference, node: Node): string;
  findHashAlgorithm(uri: string): { getHash(xml: string): string };
}

const ELEMENT_NODE = 1;

function elementsWithId(doc: Document, id: string, attrs: string[]): Element[] {
  const found: Element[] = [];
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== ELEMENT_NODE) continue;
      const el = n as Element;
      for (let i = 0; i < el.attributes.length; i++) {
        const a = el.attributes.item(i);
        if (a && attrs.includes(a.localName ?? a.name) && a.value === id) found.push(el);
      }
      walk(el);
    }
  };
  walk(doc);
  return found;
}

/** `/*[i]/*[j]…` for an element: positional child steps from the document. */
function positionalPath(el: Element): string {
  const steps: string[] = [];
  let node: Node | null = el;
  while (node && node.nodeType === ELEMENT_NODE) {
    let index = 1;
    for (let s = node.previousSibling; s; s = s.previousSibling) if (s.nodeType === ELEMENT_NODE) index++;
    steps.unshift(`*[${index}]`);
    node = node.parentNode;
  }
  return `/${steps.join('/')}`;
}

function sameDigest(a: string, b: unknown): boolean {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(typeof b === 'string' ? b : '', 'base64');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export function useFastReferences(sig: SignedXml): void {
  const inner = sig as unknown as Internals;
  if (
    typeof inner.validateReference !== 'function' ||
    typeof inner.getCanonReferenceXml !== 'function' ||
    typeof inner.findHashAlgorithm !== 'function' ||
    !Array.isArray(inner.idAttributes)
  ) {
    return;
  }
  const original = inner.validateReference.bind(sig);
  inner.validateReference = (ref: Reference, doc: Document): string | undefined => {
    const uri = ref.uri ?? '';
    if (uri !== '' && !uri.startsWith('#')) return original(ref, doc);
    let elem: Element | null = null;
    if (uri === '') elem = doc.documentElement;
    else {
      const matches = elementsWithId(doc, uri.slice(1), inner.idAttributes);
      if (matches.length > 1)
        throw new Error('several elements with the same id: refused (signature wrapping)');
      elem = matches[0] ?? null;
      if (elem) ref.xpath = positionalPath(elem);
    }
    if (!elem) {
      ref.validationError = new Error(`no element for reference ${uri}`);
      return undefined;
    }
    const canonXml = inner.getCanonReferenceXml(doc, ref, elem);
    const digest = inner.findHashAlgorithm(ref.digestAlgorithm).getHash(canonXml);
    if (!sameDigest(digest, ref.digestValue)) {
      ref.validationError = new Error(`digest mismatch for reference ${uri}`);
      return undefined;
    }
    return canonXml;
  };
}
