/** Sanity of the shipped ATR table: every pattern parses, no duplicates, modules for each OS, a source each. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatAtr, parseAtrHex, patternKey } from '../../electron/core/card/atr-match';
import { parseAtrStructure } from '../../electron/core/card/atr-parse';
import { CARD_OSES, DEFAULT_ATR_TABLE_PATH, loadAtrTable } from '../../electron/core/card/atr-table';
import { guessCns } from '../../electron/core/card/cns-heuristic';

const raw = JSON.parse(readFileSync(DEFAULT_ATR_TABLE_PATH, 'utf8')) as {
  cards: Array<{ atr: string; mask?: string; source: string; modules: Record<string, string[]> }>;
};
const table = loadAtrTable();
const VIRTUAL_CARD_ATR = parseAtrHex('3B:95:13:81:01:80:73:FF:01:00:0B')!;

describe('ATR table (product)', () => {
  it('holds the CNS cards of the reference list', () => {
    expect(table.cards.length).toBeGreaterThanOrEqual(30);
    const atrs = table.cards.map((c) => c.atr);
    for (const known of [
      '3BFF1800FF8131FE55006B02090200011101434E531131808E', // InfoCamere CNS (Bit4id)
      '3BDF18008131FE7D006B020C0182010101434E53103180EC', // Athena ASEPCOS CNS 1.82
      '3BFF1800008131FE45006B0505912001F101434E5310318038', // IDEMIA ID-One CNS v2
      '3BFF1800008131FE45006B04050100012101434E5310318059', // Oberthur CNS
    ]) {
      expect(atrs).toContain(known);
    }
  });

  it('every ATR and mask is hex of the same length', () => {
    for (const c of raw.cards) {
      expect(c.atr, c.atr).toMatch(/^([0-9A-F]{2})+$/);
      const atr = parseAtrHex(c.atr);
      expect(atr, c.atr).toBeDefined();
      if (c.mask !== undefined) {
        expect(c.mask, c.atr).toMatch(/^([0-9A-F]{2})+$/);
        expect(parseAtrHex(c.mask)?.length, c.atr).toBe(atr?.length);
      }
    }
  });

  it('every ATR is well formed and its TCK check byte is right', () => {
    for (const c of table.cards) {
      const s = parseAtrStructure(c.pattern.atr);
      expect(s, c.atr).toBeDefined();
      const fullMask = c.pattern.mask.every((b) => b === 0xff);
      if (s?.hasTck && fullMask) {
        const xor = c.pattern.atr.slice(1).reduce((a, b) => a ^ b, 0);
        expect(xor, `TCK of ${c.atr}`).toBe(0);
      }
    }
  });

  it('has no duplicate patterns', () => {
    const keys = table.cards.map((c) => patternKey(c.pattern));
    const dups = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dups).toEqual([]);
  });

  it('every entry names modules for Linux, Windows and macOS, and cites a source', () => {
    for (const c of raw.cards) {
      for (const os of CARD_OSES) expect(c.modules[os]?.length ?? 0, `${c.atr} ${os}`).toBeGreaterThan(0);
      expect(c.source.trim().length, c.atr).toBeGreaterThan(10);
    }
    for (const os of CARD_OSES) {
      expect(table.fallback.modules[os].length).toBeGreaterThan(0);
      expect(table.searchDirs[os].length).toBeGreaterThan(0);
    }
  });

  it('every CNS entry has the CNS layout and a vendor hint for its mask manufacturer', () => {
    const cnsEntries = table.cards.filter((c) => guessCns(c.pattern.atr).cns);
    expect(cnsEntries.length).toBeGreaterThan(25);
    for (const c of cnsEntries) {
      const g = guessCns(c.pattern.atr);
      expect(g.strict, c.atr).toBe(true);
      const key = (g.maskManufacturer ?? 0).toString(16).padStart(2, '0').toUpperCase();
      expect(table.cnsMaskManufacturers[key], `${c.atr} H4=${key}`).toBeDefined();
    }
  });

  it('does not ship the virtual test card', () => {
    expect(table.cards.some((c) => formatAtr(c.pattern.atr) === formatAtr(VIRTUAL_CARD_ATR))).toBe(false);
  });
});
