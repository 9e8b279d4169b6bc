/** A minimal flowing-text writer over pdf-lib pages: wraps lines, starts new pages, keeps WinAnsi-safe text. */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

export type Tone = 'normal' | 'ok' | 'warn' | 'bad' | 'muted';

const COLORS: Record<Tone, ReturnType<typeof rgb>> = {
  normal: rgb(0, 0, 0),
  ok: rgb(0.05, 0.45, 0.15),
  warn: rgb(0.65, 0.4, 0),
  bad: rgb(0.75, 0.05, 0.05),
  muted: rgb(0.35, 0.35, 0.35),
};

export class TextFlow {
  private page!: PDFPage;
  private y = 0;
  private readonly encodable = new Map<string, boolean>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
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
            this.font.encodeText(c);
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

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const words = this.safe(text).split(' ');
    const lines: string[] = [];
    let line = '';
    for (const w of words) {
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

  write(text: string, o: { size?: number; bold?: boolean; tone?: Tone; indent?: number } = {}): void {
    const size = o.size ?? 10;
    const font = o.bold ? this.bold : this.font;
    const x = MARGIN + (o.indent ?? 0);
    for (const line of this.wrap(text, font, size, A4[0] - MARGIN - x)) {
      if (this.y - size < MARGIN) this.newPage();
      this.y -= size * 1.35;
      this.page.drawText(line, { x, y: this.y, size, font, color: COLORS[o.tone ?? 'normal'] });
    }
  }

  gap(points = 6): void {
    this.y -= points;
  }
}
