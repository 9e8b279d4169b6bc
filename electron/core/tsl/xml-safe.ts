/**
 * XML parsing for trusted lists: the one safe parser of the XAdES code (xml/xml-safe.ts: any parse error fatal,
 * DOCTYPE refused, caps on size, nodes and depth), every refusal reported as TSL_MALFORMED (the trusted-list
 * contract) with the reason; the namespace-aware tree walkers are the same too.
 */
import { SigilloError, failure } from '../errors';
import { XML_LIMITS } from '../xml/xml-limits';
import { parseXml } from '../xml/xml-safe';

export const MAX_XML_BYTES = XML_LIMITS.maxBytes;

export function malformedXml(reason: string): SigilloError {
  return failure('TSL_MALFORMED', { reason });
}

/** Parses `text` strictly; throws TSL_MALFORMED on any error, DOCTYPE, oversize or too deep / too large input. */
export function parseXmlSafe(text: string): Document {
  try {
    return parseXml(text);
  } catch (e) {
    if (e instanceof SigilloError) throw malformedXml(`${e.code}: ${e.message}`);
    throw malformedXml(e instanceof Error ? e.message : String(e));
  }
}

// the namespace-aware tree walkers are the ones of the XAdES parser (same DOM, same rules)
export { childElements, childPath, descendants, firstChild, textOf } from '../xml/xml-safe';
