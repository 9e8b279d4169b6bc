/**
 * The one safe XML parser (signed documents, trusted lists, ASiC manifests): @xmldom/xmldom with every parse error
 * fatal, DOCTYPE declarations refused before parsing (no entity definitions at all: no external entities, no
 * "billion laughs"), caps on size, markup count and depth (xml-limits.ts; callers may pass their own), the declared
 * encoding honoured (UTF-8, ISO-8859-1/Latin-1, Windows-1252, UTF-16 with BOM) and small namespace-aware helpers to
 * walk the tree. No regular expressions parse the XML text.
 */
import { SigilloError, failure } from '../errors';
import { malformedXml } from './xml-decode';
import { checkDepth, checkMarkup, tooLarge, XML_LIMITS, type XmlLimits } from './xml-limits';

export const MAX_XML_BYTES = XML_LIMITS.maxBytes;
export const ELEMENT_NODE = 1;
const DOCUMENT_TYPE_NODE = 10;
const TEXT_NODE = 3;

export { decodeXml, looksLikeXml, malformedXml } from './xml-decode';

function doctypeForbidden(): SigilloError {
  return failure('XML_DOCTYPE_FORBIDDEN');
}

/**
 * XML 1.0 §2.11: CR LF and a lone CR become LF, nothing else. xmldom's default is XML 1.1's, which also turns
 * U+0085 and U+2028 into LF: a text holding them would be digested as other characters than were signed, and a
 * LF replaced by U+2028 after signing would still verify.
 */
function xml10LineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * true when `text` holds a document type declaration: '<!DOCTYPE' outside comments and CDATA sections (where it
 * is only text: an invoice comment mentioning it is no DTD), in any letter case. Conservative: an unterminated
 * comment or CDATA section is searched too.
 */
function hasDoctype(text: string): boolean {
  for (let at = text.indexOf('<!'); at >= 0;) {
    const skip = text.startsWith('<!--', at) ? '-->' : text.startsWith('<![CDATA[', at) ? ']]>' : undefined;
    if (!skip) {
      if (text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') return true;
      at = text.indexOf('<!', at + 2);
      continue;
    }
    const end = text.indexOf(skip, at + 4);
    if (end < 0) return /<!doctype/i.test(text.slice(at));
    at = text.indexOf('<!', end + skip.length);
  }
  return false;
}

/**
 * Parses `text` strictly; throws XML_MALFORMED / XML_DOCTYPE_FORBIDDEN / XML_TOO_LARGE / XML_TOO_MANY_NODES /
 * XML_TOO_DEEP.
 */
export function parseXml(text: string, limits: XmlLimits = XML_LIMITS): Document {
  if (text.length > limits.maxBytes) throw tooLarge(limits.maxBytes);
  // before parsing: no entity definition ever reaches the parser (the DOCUMENT_TYPE_NODE check below is the second net)
  if (hasDoctype(text)) throw doctypeForbidden();
  checkMarkup(text, limits.maxMarkup);
  let first: SigilloError | undefined;
  // xmldom re-reports an error thrown from a handler: the first one is kept and thrown again
  const fail = (msg: string): never => {
    const line = String(msg).split('\n')[0] ?? '';
    first ??= malformedXml(line.replace(/^\[xmldom \w+\]\s*/, '') || 'parse error');
    throw first;
  };
  // loaded on the first parse: a PDF or p7m verification (which may peek at XML content) never needs it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DOMParser } = require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
  // xmldom reports unclosed or mismatched tags as warnings: every report is fatal (no lenient parsing of signed data)
  // normalizeLineEndings is read by xmldom 0.8's DOMParser (lib/dom-parser.js) but missing from its typings
  const options = {
    errorHandler: { warning: fail, error: fail, fatalError: fail },
    normalizeLineEndings: xml10LineEnds,
  };
  const parser = new DOMParser(options);
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    if (e instanceof SigilloError) throw e;
    throw malformedXml(e instanceof Error ? e.message : String(e));
  }
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === DOCUMENT_TYPE_NODE) throw doctypeForbidden();
    if (n.nodeType === TEXT_NODE && (n.nodeValue ?? '').trim() !== '')
      throw malformedXml('text outside the root element');
  }
  if (!doc.documentElement) throw malformedXml('no root element');
  checkDepth(doc, limits.maxDepth);
  return doc;
}

/** Direct child elements of `parent` named {ns}localName (any name when localName is '*'). */
export function childElements(parent: Node, ns: string | null, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const el = n as Element;
    if ((ns === '*' || el.namespaceURI === ns) && (localName === '*' || el.localName === localName))
      out.push(el);
  }
  return out;
}

export function firstChild(
  parent: Node | undefined,
  ns: string | null,
  localName: string,
): Element | undefined {
  return parent ? childElements(parent, ns, localName)[0] : undefined;
}

/** Follows a path of child names in one namespace; undefined when a step is missing. */
export function childPath(
  parent: Node | undefined,
  ns: string | null,
  ...names: string[]
): Element | undefined {
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

/** base64 text (whitespace allowed) to bytes */
export function base64Of(el: Element | undefined): Buffer {
  return Buffer.from(textOf(el).split(/\s+/).join(''), 'base64');
}
