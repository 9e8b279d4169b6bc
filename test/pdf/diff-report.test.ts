/**
 * Issue 18: the CLI summary and the report PDF show the same change items as the JSON — a refused content
 * change and a permitted overlay annotation, each with the rule that decided.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { name, PdfDict } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf, type PdfFileReport } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { pdfSignatureLines } from '../../electron/cli/commands/verify-pdf-text';
import { buildVerificationReport } from '../../electron/core/report/verification-report';
import { getLang, setLang } from '../../electron/core/i18n/translate';
import { FileReportSchema } from '../../shared/schemas/verify';
import { writeHandwritten } from './support/make-pdf';
import { signFile } from './support/signers';
import { appendUpdate, contentStream, str, withAnnotation } from './support/append-update';

const fx = inject('fixture');

describe('change items in the summaries', () => {
  let report: PdfFileReport;
  let dir: string;
  const before = getLang();
  beforeAll(async () => {
    setLang('en');
    dir = mkdtempSync(join(fx.root, 'pdf-diff-report-'));
    const input = writeHandwritten(join(dir, 'doc.pdf'));
    const signed = join(dir, 'signed.pdf');
    await signFile(fx.pki, input, signed);
    const f = appendUpdate(signed, join(dir, 'changed.pdf'), (r, n) => {
      return [
        [
          n,
          new PdfDict()
            .set('Type', name('Annot'))
            .set('Subtype', name('FreeText'))
            .set('Rect', [60, 700, 400, 740])
            .set('NM', str('nota')),
        ],
        withAnnotation(r, 4, n),
        [5, contentStream('BT /F1 18 Tf 72 720 Td (Altro testo) Tj ET')],
      ];
    });
    report = await verifyPdf(f, { trust: new TrustStore([]) });
  });
  afterAll(() => setLang(before));

  it('the JSON passes the schema with its items', () => {
    const parsed = FileReportSchema.parse(report);
    const items = (parsed.signatures[0]!.modifications as { items: unknown[] }).items;
    expect(items).toHaveLength(2);
  });

  it('the CLI lines list the refused change and the overlay with their rules', () => {
    const lines = pdfSignatureLines(report.signatures[0]!, '').join('\n');
    expect(lines).toContain('MODIFIED AFTER SIGNING');
    expect(lines).toMatch(
      /✖ content or resources of page 1 changed \(object 5\) — NOT allowed \(page content\)/,
    );
    expect(lines).toMatch(
      /- annotation \/FreeText added on page 1: it overlays the signed content — allowed \(annotations\)/,
    );
  });

  it('the report PDF shows them too (pdftotext)', async () => {
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await buildVerificationReport([report]));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Changes after signing');
    expect(text).toContain('later updates: 1, with changes NOT permitted');
    expect(text).toContain(
      'x content or resources of page 1 changed (object 5) — NOT allowed (page content)',
    );
    expect(text).toContain('+ annotation /FreeText added on page 1');
  });
});
