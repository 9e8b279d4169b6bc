/**
 * mayBeFatturaPa (fatturapa-peek.ts) answered from the bytes of an XML head, without decoding 8 KiB to a string
 * (issue 22: every p7m of a batch holds an XML whose root is looked at). Only for the decoders that keep ASCII
 * as it is and never turn other bytes into ASCII (asciiCompatible): the characters that test looks for — blanks,
 * '<?', '?>', '<!--', '-->', '>', '&', the namespace — are then found at the same places, in the same order, in
 * the bytes. Anything it cannot tell from ASCII alone (a non-ASCII byte among the leading blanks, which may be a
 * U+FEFF, or in the root's start tag, where it may be a blank of \s) is left to the text: undefined.
 */
import { asciiAt } from '../xml/xml-decode';

/** the blanks mayBeFatturaPa skips, those in ASCII (its U+FEFF is not) */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** a text searched for in bytes, and its part from its last 'x' (see hasText) */
export interface Needle {
  text: Buffer;
  fromX: Buffer;
}

export function needle(text: string): Needle {
  return {
    text: Buffer.from(text, 'latin1'),
    fromX: Buffer.from(text.slice(Math.max(0, text.lastIndexOf('x'))), 'latin1'),
  };
}

/**
 * whether `n` is in `b` from `from`: its part from the 'x' first, a letter rare in an invoice, which the search
 * skips to (a scan of 8 KiB of invoice lines for the whole namespace, whose first letter is everywhere, costs
 * 20 times more); without that part, the whole cannot be there either
 */
function hasText(b: Buffer, n: Needle, from: number): boolean {
  return b.indexOf(n.fromX, from) >= 0 && b.indexOf(n.text, from) >= 0;
}

/**
 * mayBeFatturaPa of the text the bytes `b` decode to from `from` (after a BOM), for an ASCII-compatible decoder;
 * undefined when the bytes alone cannot tell. `ns`: the FatturaPA namespace test's text.
 */
export function mayBeFatturaPaBytes(b: Buffer, from: number, ns: Needle): boolean | undefined {
  let i = from;
  for (;;) {
    while (i < b.length && isBlank(b[i] as number)) i++;
    if (i < b.length && (b[i] as number) >= 0x80) return undefined;
    const close = asciiAt(b, i, '<?') ? '?>' : asciiAt(b, i, '<!--') ? '-->' : undefined;
    if (close) {
      const end = b.indexOf(close, i + 2, 'latin1');
      if (end < 0) return true;
      i = end + close.length;
      continue;
    }
    break;
  }
  if (b[i] !== 0x3c || asciiAt(b, i, '<!')) return true;
  const tagEnd = b.indexOf(0x3e, i);
  if (tagEnd < 0) return true;
  for (let k = i; k < tagEnd; k++) if ((b[k] as number) >= 0x80) return undefined;
  const local = /^<(?:[^\s/>:]+:)?([^\s/>:]+)/.exec(b.toString('latin1', i, tagEnd))?.[1];
  if (local !== 'FatturaElettronica') return false;
  return b.indexOf(0x26, i) >= 0 || hasText(b, ns, i);
}
