/**
 * XML parsing for trusted lists: @xmldom/xmldom (never fetches or expands external entities), any parse error fatal,
 * DOCTYPE declarations rejected (no entity definitions at all, so no "billion laughs"), a size cap, and small
 * namespace-aware helpers to walk the tree. No regular expressions over XML text.
 */
import { DOMParser } from '@xmldom/xmldom';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';

export const MAX_XML_BYTES = 32 * 1024 * 1024;

const ELEMENT_NODE = 1;
const DOCUMENT_TYPE_NODE = 10;

const MALFORMED = {
  it: 'Il documento XML non è leggibile: {reason}',
  en: 'The XML document cannot be read: {reason}',
};

export function malformedXml(reason: string): SigilloError {
  return new SigilloError('TSL_MALFORMED', t(MALFORMED, { reason }), { reason });
}

/** Parses `text` strictly; throws TSL_MALFORMED on any error, DOCTYPE or oversize input. */
export function parseXmlSafe(text: string): Document {
  if (text.length > MAX_XML_BYTES) throw malformedXml(`larger than ${MAX_XML_BYTES} bytes`);
  const fail = (msg: string): never => {
    throw malformedXml(String(msg).split('\n')[0] ?? 'parse error');
  };
  const parser = new DOMParser({
    errorHandler: { warning: () => undefined, error: fail, fatalError: fail },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    if (e instanceof SigilloError) throw e;
    throw malformedXml(e instanceof Error ? e.message : String(e));
  }
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === DOCUMENT_TYPE_NODE) throw malformedXml('DOCTYPE declarations are not allowed');
  }
  if (!doc.documentElement) throw malformedXml('no root element');
  return doc;
}

/** Direct child elements of `parent` named {ns}localName (any name when localName is '*'). */
export function childElements(parent: Node, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const el = n as Element;
    if (el.namespaceURI === ns && (localName === '*' || el.localName === localName)) out.push(el);
  }
  return out;
}

export function firstChild(parent: Node | undefined, ns: string, localName: string): Element | undefined {
  return parent ? childElements(parent, ns, localName)[0] : undefined;
}

/** Follows a path of child names in one namespace; undefined when a step is missing. */
export function childPath(parent: Node | undefined, ns: string, ...names: string[]): Element | undefined {
  let current: Node | undefined = parent;
  for (const name of names) current = firstChild(current, ns, name);
  return current as Element | undefined;
}

/** Every descendant element named {ns}localName, in document order. */
export function descendants(parent: Node, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== ELEMENT_NODE) continue;
      const el = n as Element;
      if (el.namespaceURI === ns && el.localName === localName) out.push(el);
      walk(el);
    }
  };
  walk(parent);
  return out;
}

/** The trimmed text content of an element ('' when absent). */
export function textOf(el: Element | undefined): string {
  return (el?.textContent ?? '').trim();
}
