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

export type XmlDecoder = 'utf8' | 'latin1' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * How decodeXml reads `b`: the decoder (by BOM, then declaration) and the BOM bytes it skips; XML_MALFORMED for
 * a declared encoding it does not know.
 */
export function xmlDecoderOf(b: Buffer): { decoder: XmlDecoder; bom: number } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { decoder: 'utf8', bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { decoder: 'utf-16le', bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { decoder: 'utf-16be', bom: 2 };
  const enc = declaredEncoding(b.subarray(0, 200).toString('latin1'));
  if (enc === '' || enc === 'utf-8' || enc === 'utf8') return { decoder: 'utf8', bom: 0 };
  if (LATIN.has(enc)) return { decoder: 'latin1', bom: 0 };
  if (enc === 'windows-1252' || enc === 'cp1252') return { decoder: 'windows-1252', bom: 0 };
  throw malformedXml(`unsupported encoding ${enc}`);
}

/**
 * true for the decoders that turn every byte under 0x80 into that ASCII character and every other byte (or run
 * of them) into non-ASCII characters: the ASCII of the text can be looked at in the bytes themselves
 */
export function asciiCompatible(decoder: XmlDecoder): boolean {
  return decoder === 'utf8' || decoder === 'latin1' || decoder === 'windows-1252';
}

/** Decodes XML bytes by BOM and declaration. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length > XML_LIMITS.maxBytes) throw tooLarge(XML_LIMITS.maxBytes);
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { decoder, bom } = xmlDecoderOf(b);
  const body = bom > 0 ? b.subarray(bom) : b;
  if (decoder === 'utf8' || decoder === 'latin1') return body.toString(decoder);
  return new TextDecoder(decoder).decode(body);
}

/** true when the bytes at `at` are the ASCII text `s` */
export function asciiAt(b: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let k = 0; k < s.length; k++) if (b[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** the ASCII blanks JS's trimStart removes (tab, LF, VT, FF, CR, space) */
function isAsciiBlank(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20;
}

/** looksLikeXml's answer from the bytes, when the first character after the ASCII blanks is ASCII */
function looksLikeXmlBytes(b: Buffer, from: number): boolean | undefined {
  let i = from;
  while (i < b.length && isAsciiBlank(b[i] as number)) i++;
  if (i === b.length) return false;
  if ((b[i] as number) >= 0x80) return undefined; // a blank trimStart knows (no-break space, BOM) or not
  if (b[i] !== 0x3c) return false;
  if (asciiAt(b, i, '<?xml') || asciiAt(b, i, '<!--')) return true;
  const c = b[i + 1] ?? 0;
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** the text test of looksLikeXml: a declaration, a comment or a start tag after the blanks */
export function textLooksLikeXml(text: string): boolean {
  const s = text.trimStart();
  if (s.startsWith('<?xml') || s.startsWith('<!--')) return true;
  const c = s.charCodeAt(1);
  return s.startsWith('<') && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
}

/**
 * true when the first bytes look like an XML document (declaration, comment — XML 1.0 §2.8 allows one before the
 * root without a declaration — or a start tag, after a BOM/blanks).
 */
export function looksLikeXml(head: Uint8Array): boolean {
  const first = head.subarray(0, 512);
  const b = Buffer.from(first.buffer, first.byteOffset, first.byteLength);
  try {
    const { decoder, bom } = xmlDecoderOf(b);
    const fast = asciiCompatible(decoder) ? looksLikeXmlBytes(b, bom) : undefined;
    return fast ?? textLooksLikeXml(decodeXml(first));
  } catch {
    return false;
  }
}
