/** ATR parsing, masked matching and the CNS heuristic, against ATRs read from real cards. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAtr, matchesPattern, parseAtrHex, parsePattern } from '../../electron/core/card/atr-match';
import { parseAtrStructure } from '../../electron/core/card/atr-parse';
import { guessCns } from '../../electron/core/card/cns-heuristic';

describe('ATR hex', () => {
  it('accepts colons, spaces and any case, and prints one canonical form', () => {
    for (const text of [
      '3b:95:13:81:01:80:73:ff:01:00:0b',
      '3B 95 13 81 01 80 73 FF 01 00 0B',
      '3B951381018073FF01000B',
    ]) {
      expect(formatAtr(parseAtrHex(text)!)).toBe('3B:95:13:81:01:80:73:FF:01:00:0B');
    }
  });
  it('rejects odd lengths, non-hex and oversize input', () => {
    for (const bad of ['3B9', 'ZZ', '', '3B', '3B'.repeat(34)]) expect(parseAtrHex(bad)).toBeUndefined();
  });
  it('round-trips any byte string of ATR size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 33 }), (bytes) => {
        expect(parseAtrHex(formatAtr(bytes))).toEqual(bytes);
      }),
    );
  });
});

describe('masked matching', () => {
  const atr = parseAtrHex('3BFF1800FF8131FE55006B02090200011101434E531131808E')!;
  it('matches exactly with a full mask and not after a change', () => {
    const p = parsePattern('3BFF1800FF8131FE55006B02090200011101434E531131808E')!;
    expect(matchesPattern(atr, p)).toBe(true);
    const other = atr.slice();
    other[14] = 0x03;
    expect(matchesPattern(other, p)).toBe(false);
    expect(matchesPattern(atr.slice(0, 20), p)).toBe(false);
  });
  it('ignores the bytes the mask clears', () => {
    // clear H5/H6 (OS version, bytes 13-14), the CNS version (21) and TCK (24)
    const maskBytes = new Uint8Array(atr.length).fill(0xff);
    for (const i of [13, 14, 21, 24]) maskBytes[i] = 0;
    const pattern = atr.map((b, i) => b & (maskBytes[i] ?? 0));
    const p = parsePattern(formatAtr(pattern), formatAtr(maskBytes))!;
    const sibling = parseAtrHex(
      '3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 03 03 01 11 01 43 4E 53 11 31 80 8C',
    )!;
    expect(matchesPattern(sibling, p)).toBe(true);
    expect(matchesPattern(atr, p)).toBe(true);
  });
  it('refuses a mask of another length', () => {
    expect(parsePattern('3B9513', '3BFF')).toBeUndefined();
  });
});

describe('ATR structure', () => {
  it('finds the historical bytes of the virtual card', () => {
    const s = parseAtrStructure(parseAtrHex('3B:95:13:81:01:80:73:FF:01:00:0B')!)!;
    expect(s.protocols).toEqual([1, 1]);
    expect(formatAtr(s.historical)).toBe('80:73:FF:01:00');
    expect(s.hasTck).toBe(true);
  });
  it('refuses a truncated ATR or a bad TS', () => {
    expect(parseAtrStructure(parseAtrHex('3BFF1800FF8131FE55006B')!)).toBeUndefined();
    expect(parseAtrStructure(parseAtrHex('00951381018073FF01000B')!)).toBeUndefined();
  });
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (bytes) => {
        parseAtrStructure(bytes);
        guessCns(bytes);
      }),
    );
  });
});

describe('CNS heuristic', () => {
  it('reads the layout of real CNS ATRs (pcsc-tools smartcard_list.txt)', () => {
    // Regional card Liguria/Veneto, Oberthur mask (05) on Infineon (05)
    const g = guessCns(
      parseAtrHex('3B FF 18 00 00 81 31 FE 45 00 6B 05 05 10 17 01 21 01 43 4E 53 10 31 80 5E')!,
    );
    expect(g).toMatchObject({
      cns: true,
      strict: true,
      maskManufacturer: 0x05,
      icManufacturer: 0x05,
      version: '1.0',
    });
    // Athena ASEPCOS CNS
    expect(guessCns(parseAtrHex('3BDF18008131FE7D006B020C0182010101434E53103180EC')!).maskManufacturer).toBe(
      0x0c,
    );
    // InfoCamere CNS 1.1 (Incard)
    expect(guessCns(parseAtrHex('3BFF1800FF8131FE55006B02090200011101434E531131808E')!)).toMatchObject({
      maskManufacturer: 0x09,
      version: '1.1',
    });
  });
  it('says no for cards without "CNS"', () => {
    expect(guessCns(parseAtrHex('3B:95:13:81:01:80:73:FF:01:00:0B')!).cns).toBe(false);
    // Postecert DSD card: same family, no CNS
    expect(guessCns(parseAtrHex('3BFF1800FF8131FE55006B0209030301010144534410318090')!).cns).toBe(false);
  });
});
