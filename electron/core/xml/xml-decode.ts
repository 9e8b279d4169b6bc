/**
 * XML bytes to text (BOM and declared encoding) and the first-bytes test of an XML document, without the XML
 * parser: what picks the verifier of a file loads none of the XML stack (xml-safe.ts re-exports both).
 */
import { failure, type SigilloError } from '../errors';
import { tooLarge, XML_LIMITS } from './xml-limits';

export function malformedXml(reason: string): SigilloError {
  return failure('XML_MALFORMED', { reason });
}

/** The encoding named in the XML declaration (lower case), '' when none. */
function declaredEncoding(head: string): string {
  if (!head.startsWith('<?xml')) return '';
  const end = head.indexOf('?>');
  const decl = end > 0 ? head.slice(0, end) : '';
  const at = decl.indexOf('encoding');
  if (at < 0) return '';
  const rest = decl.slice(at + 'encoding'.length).trimStart();
  if (!rest.startsWith('=')) return '';
  const value = rest.slice(1).trimStart();
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return '';
  const close = value.indexOf(quote, 1);
  return close > 0 ? value.slice(1, close).toLowerCase() : '';
}

const LATIN = new Set(['iso-8859-1', 'latin1', 'iso_8859-1', 'us-ascii', 'ascii']);

/** Decodes XML bytes by BOM and declaration. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length > XML_LIMITS.maxBytes) throw tooLarge(XML_LIMITS.maxBytes);
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  const enc = declaredEncoding(b.subarray(0, 200).toString('latin1'));
  if (enc === '' || enc === 'utf-8' || enc === 'utf8') return b.toString('utf8');
  if (LATIN.has(enc)) return b.toString('latin1');
  if (enc === 'windows-1252' || enc === 'cp1252') return new TextDecoder('windows-1252').decode(b);
  throw malformedXml(`unsupported encoding ${enc}`);
}

/** true when the first bytes look like an XML document (declaration or a start tag, after a BOM/blanks). */
export function looksLikeXml(head: Uint8Array): boolean {
  let text: string;
  try {
    text = decodeXml(head.subarray(0, 512));
  } catch {
    return false;
  }
  const s = text.trimStart();
  if (s.startsWith('<?xml')) return true;
  const c = s.charCodeAt(1);
  return s.startsWith('<') && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
}
