/**
 * Recognises a CNS card from its ATR alone, for cards missing from the table. Every CNS ATR carries ASCII "CNS"
 * in its historical bytes; OpenSC's itacns driver (src/libopensc/card-itacns.c) requires the full layout:
 * 15 historical bytes, H1=00 H2=6B, H3 = IC manufacturer, H4 = mask (OS) manufacturer, H7=01,
 * H10..H12 = "CNS", H13 = CNS version (0x10 = 1.0), H14..H15 = 31 80.
 */
import { parseAtrStructure } from './atr-parse';

export interface CnsGuess {
  /** "CNS" appears in the historical bytes */
  cns: boolean;
  /** the layout matches the CNS specification exactly, as OpenSC's itacns driver checks it */
  strict: boolean;
  /** H4, the mask/OS manufacturer code (OpenSC pkcs15-itacns.c: 05 Oberthur, 08 Siemens, 09 STIncard, 0C Athena…) */
  maskManufacturer?: number;
  /** H3, the IC manufacturer code (ISO/IEC 7816-6) */
  icManufacturer?: number;
  /** H13 as "major.minor" */
  version?: string;
}

const CNS = [0x43, 0x4e, 0x53];

function indexOfCns(h: Uint8Array): number {
  for (let i = 0; i + 3 <= h.length; i++) {
    if (h[i] === CNS[0] && h[i + 1] === CNS[1] && h[i + 2] === CNS[2]) return i;
  }
  return -1;
}

export function guessCns(atr: Uint8Array): CnsGuess {
  const s = parseAtrStructure(atr);
  if (!s) return { cns: false, strict: false };
  const h = s.historical;
  const at = indexOfCns(h);
  if (at < 0) return { cns: false, strict: false };
  const strict =
    h.length === 15 &&
    h[0] === 0x00 &&
    h[1] === 0x6b &&
    h[6] === 0x01 &&
    at === 9 &&
    h[13] === 0x31 &&
    h[14] === 0x80;
  if (!strict) return { cns: true, strict: false };
  const v = h[12] ?? 0;
  return {
    cns: true,
    strict: true,
    icManufacturer: h[2],
    maskManufacturer: h[3],
    version: `${v >> 4}.${v & 0x0f}`,
  };
}
