/**
 * ISO/IEC 7816-3 ATR structure: TS, T0, the interface bytes chained by TDi, the K historical bytes and the
 * check byte TCK (present when a protocol other than T=0 is offered). Only what the card heuristics need.
 */
export interface AtrStructure {
  ts: number;
  /** protocols announced by TD1, TD2, … (T=0 when none) */
  protocols: number[];
  historical: Uint8Array;
  /** index of the first historical byte in the ATR */
  historicalOffset: number;
  hasTck: boolean;
}

/** Parses an ATR; undefined when the bytes are not a well-formed ATR (bad TS, truncated). */
export function parseAtrStructure(atr: Uint8Array): AtrStructure | undefined {
  const ts = atr[0];
  const t0 = atr[1];
  if ((ts !== 0x3b && ts !== 0x3f) || t0 === undefined) return undefined;
  const k = t0 & 0x0f;
  let y = t0 >> 4;
  let i = 2;
  const protocols: number[] = [];
  while (y !== 0) {
    if (y & 0x1) i++; // TAi
    if (y & 0x2) i++; // TBi
    if (y & 0x4) i++; // TCi
    if (!(y & 0x8)) break;
    const td = atr[i];
    if (td === undefined) return undefined;
    protocols.push(td & 0x0f);
    y = td >> 4;
    i++;
  }
  if (i + k > atr.length) return undefined;
  const hasTck = protocols.some((p) => p !== 0);
  return { ts, protocols, historical: atr.slice(i, i + k), historicalOffset: i, hasTck };
}
