/**
 * Fonts for the signature appearance. Preferred: a TrueType font found on the system (Liberation Sans, DejaVu
 * Sans, Arial), embedded as a subset with WinAnsiEncoding — PDF/A-friendly. Fallback: the standard Helvetica
 * (not embedded), which every viewer renders but PDF/A validators reject.
 */
import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { StandardFontEmbedder } from 'pdf-lib';
import { name, PdfDict, PdfStream, ref, type PdfRef } from './pdf-objects';
import type { IncrementObject } from './incremental-writer';
import { parseTrueType, subsetTag, type TrueTypeFont } from './truetype';

export interface AppearanceFont {
  /** width of `text` in points at `size` */
  width(text: string, size: number): number;
  /** `text` as a PDF hex string in the font's encoding (characters it cannot show become '?') */
  hex(text: string): string;
  /** the font dictionary (and what it needs) for the texts drawn with it */
  objects(texts: string[], alloc: () => number): { ref: PdfRef; objects: IncrementObject[] };
}

/** WinAnsiEncoding 0x80–0x9F → Unicode (0 = unused) */
const WIN_ANSI_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

function unicodeOf(code: number): number {
  if (code >= 0x80 && code <= 0x9f) return WIN_ANSI_HIGH[code - 0x80]!;
  return code;
}

const CODE_OF = new Map<number, number>();
for (let c = 0x20; c <= 0xff; c++) if (c !== 0x7f && unicodeOf(c)) CODE_OF.set(unicodeOf(c), c);

function winAnsiCodes(text: string): number[] {
  return [...text].map((ch) => CODE_OF.get(ch.codePointAt(0)!) ?? 0x3f);
}

function fontDescriptor(f: TrueTypeFont, fontName: string, file: PdfRef): PdfDict {
  const k = 1000 / f.unitsPerEm;
  return new PdfDict()
    .set('Type', name('FontDescriptor'))
    .set('FontName', name(fontName))
    .set('Flags', 32)
    .set(
      'FontBBox',
      f.bbox.map((v) => Math.round(v * k)),
    )
    .set('ItalicAngle', f.italicAngle)
    .set('Ascent', Math.round(f.ascent * k))
    .set('Descent', Math.round(f.descent * k))
    .set('CapHeight', Math.round(f.capHeight * k))
    .set('StemV', f.bold ? 120 : 80)
    .set('FontFile2', file);
}

export function trueTypeAppearanceFont(f: TrueTypeFont): AppearanceFont {
  const k = 1000 / f.unitsPerEm;
  const glyph = (code: number) => f.glyphFor(unicodeOf(code));
  const codeWidth = (code: number) => (glyph(code) ? Math.round(f.advance(glyph(code)) * k) : 0);
  return {
    width: (text, size) => (winAnsiCodes(text).reduce((n, c) => n + codeWidth(c), 0) * size) / 1000,
    hex: (text) => '<' + Buffer.from(winAnsiCodes(text)).toString('hex').toUpperCase() + '>',
    objects(texts, alloc) {
      const used = new Set(texts.flatMap((x) => winAnsiCodes(x)).map(glyph));
      const program = f.subset(used);
      const fontName = `${subsetTag(program)}+${f.postscriptName}`;
      const [fontNum, descNum, fileNum] = [alloc(), alloc(), alloc()];
      const data = deflateSync(program);
      const file = new PdfStream(
        new PdfDict().set('Length1', program.length).set('Filter', name('FlateDecode')),
        -1,
        data.length,
        data,
      );
      const widths: number[] = [];
      for (let c = 32; c <= 255; c++) widths.push(codeWidth(c));
      const font = new PdfDict()
        .set('Type', name('Font'))
        .set('Subtype', name('TrueType'))
        .set('BaseFont', name(fontName))
        .set('FirstChar', 32)
        .set('LastChar', 255)
        .set('Widths', widths)
        .set('Encoding', name('WinAnsiEncoding'))
        .set('FontDescriptor', ref(descNum));
      return {
        ref: ref(fontNum),
        objects: [
          { num: fontNum, gen: 0, value: font },
          { num: descNum, gen: 0, value: fontDescriptor(f, fontName, ref(fileNum)) },
          { num: fileNum, gen: 0, value: file },
        ],
      };
    },
  };
}

type Standard = ReturnType<typeof StandardFontEmbedder.for>;
type StandardName = Parameters<typeof StandardFontEmbedder.for>[0];

export function standardAppearanceFont(base: 'Helvetica' | 'Helvetica-Bold'): AppearanceFont {
  // loaded here, not at the top: pdf-lib costs ~0.1 s of start-up and only this fallback needs it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { StandardFontEmbedder, StandardFonts } = require('pdf-lib') as typeof import('pdf-lib');
  const std: Standard = StandardFontEmbedder.for(
    (base === 'Helvetica' ? StandardFonts.Helvetica : StandardFonts.HelveticaBold) as unknown as StandardName,
  );
  const safe = (text: string) => String.fromCharCode(...winAnsiCodes(text).map(unicodeOf));
  return {
    width: (text, size) => std.widthOfTextAtSize(safe(text), size),
    hex: (text) => std.encodeText(safe(text)).toString(),
    objects(_texts, alloc) {
      const num = alloc();
      const dict = new PdfDict()
        .set('Type', name('Font'))
        .set('Subtype', name('Type1'))
        .set('BaseFont', name(base))
        .set('Encoding', name('WinAnsiEncoding'));
      return { ref: ref(num), objects: [{ num, gen: 0, value: dict }] };
    },
  };
}

const CANDIDATES: Record<'regular' | 'bold', string[]> = {
  regular: [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
    '/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    'C:\\Windows\\Fonts\\arial.ttf',
    '/System/Library/Fonts/Supplemental/Arial.ttf',
    '/Library/Fonts/Arial.ttf',
  ],
  bold: [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
    '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
    'C:\\Windows\\Fonts\\arialbd.ttf',
    '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
    '/Library/Fonts/Arial Bold.ttf',
  ],
};

function systemFont(paths: string[]): AppearanceFont | undefined {
  for (const p of paths) {
    try {
      if (!existsSync(p)) continue;
      const f = parseTrueType(readFileSync(p));
      if (f.embeddable) return trueTypeAppearanceFont(f);
    } catch {
      /* not a usable TrueType font: try the next one */
    }
  }
  return undefined;
}

/** regular and bold appearance fonts: embedded system fonts when found, else the standard Helvetica */
export function appearanceFonts(candidates = CANDIDATES): {
  regular: AppearanceFont;
  bold: AppearanceFont;
  embedded: boolean;
} {
  const regular = systemFont(candidates.regular);
  const bold = systemFont(candidates.bold);
  if (regular && bold) return { regular, bold, embedded: true };
  return {
    regular: standardAppearanceFont('Helvetica'),
    bold: standardAppearanceFont('Helvetica-Bold'),
    embedded: false,
  };
}
