/**
 * Interned values of the PDF parser: short words (names, numbers, keywords) and references repeat across the
 * ~10 000 objects of a big document (/Type, /Page, `/Parent 2 0 R` on 5000 pages), so each is made once per hash
 * slot and shared; the parser's objects never change, so sharing is safe.
 */
import { PdfName, PdfRef } from './pdf-objects';

/** words up to this length are looked up among the ones already made (names repeat: /Type, /Page, /Length…) */
const SHORT_WORD = 24;
/** the last word made per hash slot: one string for every /Type of 10 000 objects instead of one each */
const words: (string | undefined)[] = new Array<string | undefined>(2048).fill(undefined);

/** bytes as a Latin-1 string: short words (names, numbers, keywords) without a Buffer copy, made once */
export function latin1(b: Uint8Array, from: number, to: number): string {
  if (to - from > SHORT_WORD) return hashedLatin1(b, from, to, 0);
  let h = 0;
  for (let i = from; i < to; i++) h = (h * 31 + b[i]!) | 0;
  return hashedLatin1(b, from, to, h);
}

/**
 * latin1(b, from, to) when the caller already has `h`, the bytes' hash (h = h * 31 + byte | 0 from 0): the
 * parser computes it while it looks for the end of a name, one pass over its bytes instead of two
 */
export function hashedLatin1(b: Uint8Array, from: number, to: number, h: number): string {
  const n = to - from;
  if (n > SHORT_WORD) return Buffer.from(b.buffer, b.byteOffset + from, n).toString('latin1');
  const slot = (h ^ n) & (words.length - 1);
  const known = words[slot];
  if (known !== undefined && known.length === n) {
    let same = true;
    for (let i = 0; i < n && same; i++) same = known.charCodeAt(i) === b[from + i];
    if (same) return known;
  }
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]!);
  words[slot] = s;
  return s;
}

/** the last reference made per slot: references never change, so 5000 pages' `/Parent 2 0 R` can be one */
const refs: (PdfRef | undefined)[] = new Array<PdfRef | undefined>(4096).fill(undefined);

export function reference(num: number, gen: number): PdfRef {
  const slot = num & (refs.length - 1);
  const known = refs[slot];
  if (known !== undefined && known.num === num && known.gen === gen) return known;
  return (refs[slot] = new PdfRef(num, gen));
}

/** names made so far (a name never changes: 5000 pages' `/Type /Page` can be one object), up to a bound */
const names = new Map<string, PdfName>();
const MAX_NAMES = 4096;

export function pdfName(text: string): PdfName {
  let n = names.get(text);
  if (n === undefined) {
    n = new PdfName(text);
    if (names.size < MAX_NAMES && text.length <= SHORT_WORD) names.set(text, n);
  }
  return n;
}
