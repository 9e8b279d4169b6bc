/**
 * A name of thousands of characters without a space (a hostile certificate CN, an invoice party) in the report
 * PDF: the word is cut where it still fits, found by halving — measured a character at a time it took over a
 * minute for 4000 characters — and a text past 2000 characters is cut short. Checked with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { TextFlow } from '../../electron/core/report/pdf-text';

describe('report text: very long words', () => {
  it('a 20 000-character word is cut into lines that fit, fast, and shortened', async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const mono = await doc.embedFont(StandardFonts.Courier);
    const flow = new TextFlow(doc, { regular, bold, mono });
    flow.newPage();
    const word = 'ROSSI'.repeat(4000);
    const start = Date.now();
    flow.write(`Firmatario: ${word}`);
    flow.write('fine del rapporto');
    // one measurement per halving step: milliseconds, where a character at a time took minutes
    expect(Date.now() - start).toBeLessThan(5000);
    const file = join(mkdtempSync(join(tmpdir(), 'sigillo-long-')), 'r.pdf');
    writeFileSync(file, await doc.save());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const letters = text.replace(/[^A-Z]/g, '');
    // the word cut short to the text cap (2000 characters in all), never lost, never drawn past the margin
    expect(letters.length).toBeGreaterThan(1500);
    expect(letters.length).toBeLessThan(2100);
    expect(text).toContain('…');
    expect(text).toContain('fine del rapporto');
  });
});
