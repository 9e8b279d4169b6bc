/**
 * ATR and mask handling: parsing the hex forms people and tools write ("3B:95:13", "3b 95 13", "3B9513"),
 * the canonical form we print (upper case, colon separated), and masked comparison as PC/SC does it
 * (SCardLocateCardsByATR: (atr & mask) == (entry & mask), same length).
 */

/** Parses an ATR or mask written as hex; undefined unless it is 2..33 whole bytes of hex. */
export function parseAtrHex(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s:]/g, '');
  if (clean.length < 4 || clean.length > 66 || clean.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(clean)) {
    return undefined;
  }
  return new Uint8Array(Buffer.from(clean, 'hex'));
}

/** Canonical display form: "3B:95:13:81:01:80:73:FF:01:00:0B". */
export function formatAtr(atr: Uint8Array): string {
  return Array.from(atr, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** A parsed table pattern: the bytes and the mask (all 0xFF when the table gives none). */
export interface AtrPattern {
  atr: Uint8Array;
  mask: Uint8Array;
}

export function parsePattern(atrText: string, maskText?: string): AtrPattern | undefined {
  const atr = parseAtrHex(atrText);
  if (!atr) return undefined;
  const mask = maskText === undefined ? new Uint8Array(atr.length).fill(0xff) : parseAtrHex(maskText);
  if (!mask || mask.length !== atr.length) return undefined;
  return { atr, mask };
}

export function matchesPattern(atr: Uint8Array, pattern: AtrPattern): boolean {
  if (atr.length !== pattern.atr.length) return false;
  for (let i = 0; i < atr.length; i++) {
    const m = pattern.mask[i] ?? 0;
    if (((atr[i] ?? 0) & m) !== ((pattern.atr[i] ?? 0) & m)) return false;
  }
  return true;
}

/** The key that makes two patterns "the same" (masked bytes + mask), for duplicate checks. */
export function patternKey(pattern: AtrPattern): string {
  const masked = pattern.atr.map((b, i) => b & (pattern.mask[i] ?? 0));
  return `${formatAtr(masked)}/${formatAtr(pattern.mask)}`;
}
