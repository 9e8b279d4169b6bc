/**
 * Canonical XML (C14N 1.0/1.1 inclusive, exclusive C14N, with or without comments) of a document or an element in
 * its context, via xml-crypto's canonicalizers: an element subset inherits the namespace declarations in scope on
 * its ancestors and, in inclusive C14N, their xml:* attributes (1.0 §2.4: all of them; 1.1 §2.4: xml:lang and
 * xml:space); a whole document renders its processing instructions (not the XML declaration) around the root.
 */
import {
  C14nCanonicalization,
  C14nCanonicalizationWithComments,
  ExclusiveCanonicalization,
  ExclusiveCanonicalizationWithComments,
  type NamespacePrefix,
} from 'xml-crypto';
import { ELEMENT_NODE } from './xml-safe';
import type { C14nMethod } from './xml-names';
import { C14N_NODE_WORK, MAX_C14N_WORK, tooManyNamespaces } from './xml-limits';

const PI_NODE = 7;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;

/** In-scope namespace declarations of the ancestors of `el` (nearest wins; undeclarations dropped). */
export function ancestorNamespaces(el: Element): NamespacePrefix[] {
  const seen = new Map<string, string>();
  for (let p = el.parentNode; p && p.nodeType === ELEMENT_NODE; p = p.parentNode) {
    const attrs = (p as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i);
      if (!a) continue;
      const prefix = a.name === 'xmlns' ? '' : a.prefix === 'xmlns' ? a.localName : undefined;
      if (prefix !== undefined && prefix !== null && !seen.has(prefix)) seen.set(prefix, a.value);
    }
  }
  return [...seen.entries()]
    .filter(([, uri]) => uri !== '')
    .map(([prefix, namespaceURI]) => ({ prefix, namespaceURI }));
}

function canonicalizer(m: C14nMethod) {
  if (m.kind === 'exclusive')
    return m.withComments ? new ExclusiveCanonicalizationWithComments() : new ExclusiveCanonicalization();
  return m.withComments ? new C14nCanonicalizationWithComments() : new C14nCanonicalization();
}

/**
 * xml-crypto renders a processing instruction inside an element as bare text (or throws when it has no data), so
 * `<a><?x abc?></a>` and `<a>abc</a>` would share a digest: a subtree holding one is refused, iteratively.
 */
function refuseInnerPis(el: Element): void {
  let node: Node | null = el.firstChild;
  while (node && node !== el) {
    if (node.nodeType === PI_NODE) throw new Error('processing instruction inside signed content');
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    node = node && node !== el ? node.nextSibling : null;
  }
}

/** canonicalisation work left per document (xml-limits.ts MAX_C14N_WORK), over all its canonicalisations */
const c14nWork = new WeakMap<Document, { left: number }>();

/** the namespace bindings an element may add to the in-scope list xml-crypto keeps: declarations, used prefixes */
function bindingsOf(el: Element): number {
  let n = el.prefix ? 1 : 0;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const prefix = attrs.item(i)?.prefix;
    if (prefix && prefix !== 'xml') n++;
  }
  return n;
}

/**
 * Canonicalisation work, charged to the document's budget before it runs, iteratively, and refused
 * (XML_TOO_COMPLEX) past it. Every input node visited costs C14N_NODE_WORK (an element twice) — comments and
 * unprefixed elements too, though they may add no output: the same 100 000 comments referenced by thousands of References would
 * otherwise cost minutes for free. xml-crypto also copies the in-scope namespace list for every child node and
 * scans it for every prefix and attribute, so namespaces in scope × nodes is charged on top; the subset's apex
 * also checks each inherited declaration against those already placed (inherited² / 2).
 */
export function chargeC14nWork(el: Element, inherited: number, payer: Document): void {
  let budget = c14nWork.get(payer);
  if (!budget) c14nWork.set(payer, (budget = { left: MAX_C14N_WORK }));
  budget.left -= (inherited * inherited) / 2 + 2 * C14N_NODE_WORK;
  const stack: [Element, number][] = [[el, inherited]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [e, outer] = top;
    const scope = outer + bindingsOf(e);
    budget.left -= (scope + C14N_NODE_WORK) * (e.childNodes.length + e.attributes.length) + scope;
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== ELEMENT_NODE) continue;
      budget.left -= C14N_NODE_WORK; // an element costs about twice a text, a comment or an attribute
      stack.push([c as Element, scope]);
    }
    if (budget.left < 0) throw tooManyNamespaces();
  }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * The xml:* attributes the apex of an element subset inherits in inclusive C14N, nearest ancestor first, those it
 * does not carry itself: C14N 1.0 §2.4 all of them, C14N 1.1 §2.4 xml:lang and xml:space only (xml:id is not
 * inherited; an ancestor's xml:base is joined with the apex's — that fix-up is not implemented, such a subset is
 * refused rather than digested wrongly). Exclusive C14N inherits none (Exc-C14N §3).
 */
function inheritedXmlAttributes(el: Element, m: C14nMethod): [string, string][] {
  if (m.kind !== 'inclusive') return [];
  const found = new Map<string, string>();
  for (let p = el.parentNode; p && p.nodeType === ELEMENT_NODE; p = p.parentNode) {
    const attrs = (p as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i);
      if (a && a.namespaceURI === XML_NS && a.localName && !found.has(a.localName))
        found.set(a.localName, a.value);
    }
  }
  if (m.v11 && found.has('base')) throw new Error('xml:base of an ancestor in a C14N 1.1 document subset');
  const kept = m.v11 ? ['lang', 'space'] : [...found.keys()];
  return [...found.entries()].filter(([name]) => kept.includes(name) && !el.hasAttributeNS(XML_NS, name));
}

function element(el: Element, m: C14nMethod, inclusivePrefixes: string[], payer: Document): string {
  const xmlAttrs = inheritedXmlAttributes(el, m);
  // rendered as the apex's own attributes (in their sorted place), then taken off again
  for (const [name, value] of xmlAttrs) el.setAttributeNS(XML_NS, `xml:${name}`, value);
  try {
    return subset(el, m, inclusivePrefixes, payer);
  } finally {
    for (const [name] of xmlAttrs) el.removeAttributeNS(XML_NS, name);
  }
}

function subset(el: Element, m: C14nMethod, inclusivePrefixes: string[], payer: Document): string {
  const inherited = ancestorNamespaces(el);
  chargeC14nWork(el, inherited.length, payer);
  refuseInnerPis(el);
  // xml-crypto renders an inherited default namespace twice (once as the element's own, once as an ancestor's)
  // unless it is told that namespace is already the default one: then only the ancestor copy is rendered
  const defaultNs = inherited.find((n) => n.prefix === '')?.namespaceURI;
  const out = canonicalizer(m).process(el, {
    ancestorNamespaces: inherited,
    inclusiveNamespacesPrefixList: inclusivePrefixes,
    ...(defaultNs && m.kind === 'inclusive' && !el.hasAttribute('xmlns') ? { defaultNs } : {}),
  });
  return String(out);
}

function outside(n: Node, m: C14nMethod): string | undefined {
  if (n.nodeType === PI_NODE) {
    const pi = n as ProcessingInstruction;
    if (pi.target === 'xml') return undefined;
    return pi.data ? `<?${pi.target} ${pi.data}?>` : `<?${pi.target}?>`;
  }
  if (n.nodeType === COMMENT_NODE && m.withComments) return `<!--${(n as Comment).data}-->`;
  return undefined;
}

function documentC14n(doc: Document, m: C14nMethod, inclusivePrefixes: string[], payer: Document): string {
  const parts: string[] = [];
  let afterRoot = false;
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE) {
      parts.push(element(n as Element, m, inclusivePrefixes, payer));
      afterRoot = true;
      continue;
    }
    const s = outside(n, m);
    if (s !== undefined) parts.push(afterRoot ? `\n${s}` : `${s}\n`);
  }
  return parts.join('');
}

/**
 * The canonical form of `node` (a Document or an Element), UTF-8 encoded. `payer`: the document whose namespace
 * canonicalisation work budget pays (default: the node's own; a detached file parsed again for each reference passes the signature's).
 */
export function canonicalize(
  node: Node,
  m: C14nMethod,
  inclusivePrefixes: string[] = [],
  payer?: Document,
): Buffer {
  const doc = node.nodeType === DOCUMENT_NODE ? (node as Document) : (node.ownerDocument as Document);
  const text =
    node.nodeType === DOCUMENT_NODE
      ? documentC14n(doc, m, inclusivePrefixes, payer ?? doc)
      : element(node as Element, m, inclusivePrefixes, payer ?? doc);
  return Buffer.from(text, 'utf8');
}
