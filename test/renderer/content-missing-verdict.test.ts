// @vitest-environment jsdom
/**
 * A detached signature verified without its document is "not checkable yet" (amber, "put the document beside
 * it"), never "modified after signing", in both languages; a SIGNED_DATA_NOT_FOUND for another reason (XAdES
 * wrapping) stays red.
 */
import { describe, expect, it } from 'vitest';
import { fileVerdict } from '../../renderer/src/model/verdict';
import type { FileReport } from '../../shared/schemas/verify';
import { signature } from './support/fixtures';

const missing = {
  integrity: 'invalid',
  indication: 'INDETERMINATE',
  subIndication: 'SIGNED_DATA_NOT_FOUND',
} as const;

describe('verdict of a .p7s without its document', () => {
  it('is amber with the "put it beside" sentence, in Italian and English', () => {
    const report: FileReport = {
      file: 'a.pdf.p7s',
      format: 'cms',
      error: null,
      signatures: [signature({ ...missing, contentMissing: true })],
    };
    const it_ = fileVerdict(report, 'it');
    expect(it_).toMatchObject({ tone: 'warn', sentence: { key: 'contentMissing' } });
    expect(it_.text).toContain('mettilo accanto alla firma con lo stesso nome');
    expect(fileVerdict(report, 'en').text).toContain('put it next to the signature with the same name');
  });

  it('a missing reference without that flag stays red', () => {
    const v = fileVerdict(
      { file: 'x.xml', format: 'xades', error: null, signatures: [signature(missing)] },
      'it',
    );
    expect(v.tone).toBe('bad');
  });
});
