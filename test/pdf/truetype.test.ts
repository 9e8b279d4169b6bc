/** TrueType subsetting for the signature appearance, checked on the system font and with fontconfig's fc-scan. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseTrueType } from '../../electron/core/pdf/truetype';

const fx = inject('fixture');
const FONT = [
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
].find((p) => existsSync(p));

/** glyph data length of glyph g (from loca), read independently of the module under test */
function glyphLength(font: Buffer, g: number): number {
  const n = font.readUInt16BE(4);
  const table = (tag: string) => {
    for (let i = 0; i < n; i++) {
      const rec = 12 + 16 * i;
      if (font.toString('latin1', rec, rec + 4) === tag) return font.subarray(font.readUInt32BE(rec + 8));
    }
    throw new Error(tag);
  };
  const long = table('head').readInt16BE(50) === 1;
  const loca = table('loca');
  const at = (i: number) => (long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  return at(g + 1) - at(g);
}

describe('TrueType subset', () => {
  it('needs a system TrueType font (fonts-liberation or fonts-dejavu)', () => {
    expect(FONT).toBeDefined();
  });

  it('keeps the glyphs asked for (and composite parts), empties the others, keeps ids and metrics', () => {
    const original = readFileSync(FONT!);
    const font = parseTrueType(original);
    expect(font.embeddable).toBe(true);
    const used = [...'Firmato àèé'].map((c) => font.glyphFor(c.codePointAt(0)!));
    expect(used.every((g) => g > 0)).toBe(true);
    const sub = font.subset(used);
    expect(sub.length).toBeLessThan(original.length / 3);
    for (const g of used) expect(glyphLength(sub, g)).toBe(glyphLength(original, g));
    const unused = font.glyphFor('Z'.codePointAt(0)!);
    expect(glyphLength(original, unused)).toBeGreaterThan(0);
    expect(glyphLength(sub, unused)).toBe(0);
    const again = parseTrueType(sub);
    expect(again.glyphFor('F'.codePointAt(0)!)).toBe(font.glyphFor('F'.codePointAt(0)!));
    expect(again.advance(used[0]!)).toBe(font.advance(used[0]!));
    // fontconfig reads the subset as a font of the same family
    const dir = mkdtempSync(join(fx.root, 'ttf-'));
    writeFileSync(join(dir, 'sub.ttf'), sub);
    const scan = execFileSync('fc-scan', ['--format', '%{family}', join(dir, 'sub.ttf')], {
      encoding: 'utf8',
    });
    expect(scan).toMatch(/Liberation Sans|DejaVu Sans/);
  });
});
