/**
 * A minimal flowing-text writer over pdf-lib pages: wraps lines, starts new pages, keeps WinAnsi-safe text;
 * label/value rows, a coloured verdict banner with an icon, and a footer on every page.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

/** characters of one text written into the report (hostile files carry names of any length) */
const MAX_TEXT = 2000;

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BOTTOM = 60;
const LABEL_WIDTH = 130;

export type Tone = 'normal' | 'ok' | 'warn' | 'bad' | 'muted' | 'neutral';

const COLORS: Record<Tone, RGB> = {
  normal: rgb(0, 0, 0),
  ok: rgb(0.05, 0.45, 0.15),
  warn: rgb(0.62, 0.38, 0),
  bad: rgb(0.75, 0.05, 0.05),
  muted: rgb(0.35, 0.35, 0.35),
  neutral: rgb(0.3, 0.33, 0.4),
};

/** the light background of a banner in each tone */
const TINTS: Record<Tone, RGB> = {
  normal: rgb(0.96, 0.96, 0.96),
  ok: rgb(0.9, 0.97, 0.91),
  warn: rgb(1, 0.95, 0.85),
  bad: rgb(0.99, 0.9, 0.9),
  muted: rgb(0.95, 0.95, 0.95),
  neutral: rgb(0.93, 0.94, 0.96),
};

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

export interface WriteOptions {
  size?: number;
  bold?: boolean;
  mono?: boolean;
  tone?: Tone;
  indent?: number;
}

export class TextFlow {
  private page!: PDFPage;
  private y = 0;
  private readonly encodable = new Map<string, boolean>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {}

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Characters the standard font cannot encode (outside WinAnsi) become '?'. */
  safe(text: string): string {
    return [...text.replace(/\s+/g, ' ')]
      .map((c) => {
        let ok = this.encodable.get(c);
        if (ok === undefined) {
          try {
            this.fonts.regular.encodeText(c);
            ok = true;
          } catch {
            ok = false;
          }
          this.encodable.set(c, ok);
        }
        return ok ? c : '?';
      })
      .join('');
  }

  private font(o: WriteOptions): PDFFont {
    return o.mono ? this.fonts.mono : o.bold ? this.fonts.bold : this.fonts.regular;
  }

  /**
   * Words that fit the width per line; a word longer than a line (a hash, a path) is cut where it still fits,
   * found by halving (a name of thousands of characters from a hostile file, measured a character at a time,
   * took minutes). A text past MAX_TEXT characters is cut short: a report names, it does not reproduce.
   */
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    const shown = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
    for (let w of this.safe(shown).split(' ')) {
      while (!fits(w) && w.length > 1) {
        // the longest prefix that fits (at least one character)
        let lo = 1;
        let hi = w.length - 1;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (fits(w.slice(0, mid))) lo = mid;
          else hi = mid - 1;
        }
        const cut = lo;
        if (line) lines.push(line);
        lines.push(w.slice(0, cut));
        line = '';
        w = w.slice(cut);
      }
      const candidate = line ? `${line} ${w}` : w;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = w;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  private room(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  write(text: string, o: WriteOptions = {}): void {
    const size = o.size ?? 10;
    const font = this.font(o);
    const x = MARGIN + (o.indent ?? 0);
    for (const line of this.wrap(text, font, size, A4[0] - MARGIN - x)) {
      this.room(size * 1.35);
      this.y -= size * 1.35;
      this.page.drawText(line, { x, y: this.y, size, font, color: COLORS[o.tone ?? 'normal'] });
    }
  }

  /** "Label    value that wraps in its own column" */
  row(label: string, value: string, o: WriteOptions = {}): void {
    const size = o.size ?? 9.5;
    const x = MARGIN + (o.indent ?? 0);
    const vx = x + LABEL_WIDTH;
    const font = this.font(o);
    const labels = this.wrap(label, this.fonts.regular, size, LABEL_WIDTH - 8);
    const values = this.wrap(value || '-', font, size, A4[0] - MARGIN - vx);
    const n = Math.max(labels.length, values.length);
    this.room(size * 1.4 * Math.min(n, 3));
    for (let i = 0; i < n; i++) {
      this.room(size * 1.4);
      this.y -= size * 1.4;
      const l = labels[i];
      const v = values[i];
      if (l) this.page.drawText(l, { x, y: this.y, size, font: this.fonts.regular, color: COLORS.muted });
      if (v) this.page.drawText(v, { x: vx, y: this.y, size, font, color: COLORS[o.tone ?? 'normal'] });
    }
  }

  /** One sentence in a tinted box with the tone's icon, as the window shows the verdict. */
  banner(tone: Tone, sentence: string, indent = 0): void {
    const size = 11.5;
    const x = MARGIN + indent;
    const width = A4[0] - MARGIN - x;
    const textX = x + 36;
    const lines = this.wrap(sentence, this.fonts.bold, size, width - 46);
    const height = lines.length * size * 1.35 + 18;
    this.room(height + 6);
    const top = this.y - 4;
    const color = COLORS[tone];
    this.page.drawRectangle({
      x,
      y: top - height,
      width,
      height,
      color: TINTS[tone],
      borderColor: color,
      borderWidth: 1,
    });
    this.page.drawRectangle({ x, y: top - height, width: 5, height, color });
    icon(this.page, tone, x + 20, top - 9 - size * 0.55, color);
    let y = top - 9;
    for (const line of lines) {
      y -= size * 1.35;
      this.page.drawText(line, { x: textX, y: y + 3, size, font: this.fonts.bold, color });
    }
    this.y = top - height - 4;
  }

  rule(): void {
    this.room(10);
    this.y -= 5;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4[0] - MARGIN, y: this.y },
      thickness: 0.5,
      color: rgb(0.8, 0.8, 0.8),
    });
    this.y -= 5;
  }

  gap(points = 6): void {
    this.y -= points;
  }

  /** "Sigillo 0.1.0 — pagina 1 di 3" at the bottom of every page. */
  footer(text: (page: number, pages: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      p.drawText(this.safe(text(i + 1, pages.length)), {
        x: MARGIN,
        y: 30,
        size: 8,
        font: this.fonts.regular,
        color: COLORS.muted,
      });
    });
  }
}

/** A filled circle with a check (ok), a cross (bad), "!" (warn) or a dash (other). */
function icon(page: PDFPage, tone: Tone, cx: number, cy: number, color: RGB): void {
  const white = rgb(1, 1, 1);
  page.drawCircle({ x: cx, y: cy, size: 10, color });
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({
      start: { x: cx + x1, y: cy + y1 },
      end: { x: cx + x2, y: cy + y2 },
      thickness: 2,
      color: white,
    });
  if (tone === 'ok') {
    line(-5, 0, -1.5, -4);
    line(-1.5, -4, 5, 4);
  } else if (tone === 'bad') {
    line(-4, -4, 4, 4);
    line(-4, 4, 4, -4);
  } else if (tone === 'warn') {
    line(0, 5, 0, -1);
    page.drawCircle({ x: cx, y: cy - 4.5, size: 1.3, color: white });
  } else line(-4.5, 0, 4.5, 0);
}
