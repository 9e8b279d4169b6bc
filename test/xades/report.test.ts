/** The PDF verification report and the text summary carry the FatturaPA data and the ASiC file list (pdftotext). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildVerificationReport } from '../../electron/core/report/verification-report';
import type { FileReport } from '../../electron/core/verify/types';
import { fatturaPaFromBytes } from '../../electron/core/fatturapa/fatturapa';
import { documentFactLines } from '../../electron/core/xades/document-facts';
import { invoiceXml } from './support/fatturapa-sample';
import { setLang } from '../../electron/core/i18n/translate';

const fx = inject('fixture');

const report: FileReport = {
  file: '/tmp/IT01234567890_00001.xml',
  format: 'xades',
  error: null,
  signatures: [],
  fatturapa: fatturaPaFromBytes(Buffer.from(invoiceXml())),
  container: {
    type: 'ASiC-E',
    mimetype: 'application/vnd.etsi.asic-e+zip',
    files: [
      { name: 'fattura.xml', size: 10, signedBy: [0] },
      { name: 'nota.txt', size: 3, signedBy: [] },
    ],
    signatureFiles: ['META-INF/signatures.xml'],
  },
};

describe('document facts', () => {
  it('text lines: invoice number, date, total, sender; uncovered container files', () => {
    setLang('it');
    const lines = documentFactLines(report);
    // the one formatter: day-first date and the amount with the euro sign, Italian style
    expect(lines[0]).toMatch(/FT-2026\/17.*20\/11\/2026.*122,00 €.*Rossi & Figli S\.r\.l\..*IT01234567890/);
    expect(lines.some((l) => l.includes('nota.txt') && l.includes('⚠'))).toBe(true);
  });

  it('the PDF report shows them (pdftotext)', async () => {
    const dir = mkdtempSync(join(fx.root, 'xades-report-'));
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await buildVerificationReport([report]));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('FT-2026/17');
    expect(text).toContain('122,00 €');
    expect(text).toContain('nota.txt');
  });
});
