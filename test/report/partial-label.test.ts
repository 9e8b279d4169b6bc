/**
 * A signature valid for what it signs but not for the whole file (partialScope: an XML signature over some
 * elements, or over files only while it sits inside another document) is amber, and its word is "valid for part
 * only" — in the report PDF and in the window's pill — never "cannot be verified" beside an ETSI TOTAL_PASSED.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { setLang } from '../../electron/core/i18n/translate';
import { writeVerificationReport } from '../../electron/core/report/verification-report';
import type { FileReport as CoreFileReport } from '../../electron/core/verify/types';
import { signatureLabel, signatureTone } from '../../shared/verdict/headline';
import { signature } from '../renderer/support/fixtures';

const fx = inject('fixture');

describe('the word for a partly signed file', () => {
  it('TOTAL_PASSED over part of the file: amber, "partial"; an INDETERMINATE one stays "warn"', () => {
    const partial = signature({ partialScope: true });
    expect(signatureTone(partial)).toBe('warn');
    expect(signatureLabel(partial)).toBe('partial');
    const unsure = signature({ partialScope: true, indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    expect(signatureLabel(unsure)).toBe('warn');
    expect(signatureLabel(signature())).toBe('ok');
  });

  it('the report PDF says "valid for part only" / "valida solo per una parte", not "cannot be verified"', async () => {
    for (const [lang, word, not] of [
      ['en', 'valid for part only', 'cannot be verified'],
      ['it', 'valida solo per una parte', 'non verificabile'],
    ] as const) {
      setLang(lang);
      const out = join(mkdtempSync(join(fx.root, 'partial-label-')), 'report.pdf');
      const report = {
        file: '/d/fattura.xml',
        format: 'xades',
        error: null,
        signatures: [signature({ partialScope: true })],
      } as unknown as CoreFileReport;
      await writeVerificationReport([report], out, { overwrite: false, trust: null });
      const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(word);
      expect(text).not.toContain(not);
    }
    setLang('en');
  });
});
