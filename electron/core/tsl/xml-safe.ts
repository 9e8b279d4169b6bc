/**
 * XML parsing for trusted lists: @xmldom/xmldom (never fetches or expands external entities), any parse error fatal,
 * DOCTYPE declarations rejected (no entity definitions at all, so no "billion laughs"), a size cap; the small
 * namespace-aware helpers to walk the tree are shared with the XAdES parser. No regular expressions over XML text.
 */
import { DOMParser } from '@xmldom/xmldom';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';

export const MAX_XML_BYTES = 32 * 1024 * 1024;

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

// the namespace-aware tree walkers are the ones of the XAdES parser (same DOM, same rules)
export { childElements, childPath, descendants, firstChild, textOf } from '../xades/xml-safe';
