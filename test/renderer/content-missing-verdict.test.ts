// @vitest-environment jsdom
/**
 * A detached signature verified without its document is "not checkable yet" (amber, "put the document beside
 * it"), never "modified after signing"; a SIGNED_DATA_NOT_FOUND for another reason (XAdES wrapping) stays red.
 */
import { describe, expect, it } from 'vitest';
import { fileVerdict } from '../../renderer/src/model/verdict';
import { signature } from './support/fixtures';
import { itScreens as it_ } from '../../renderer/src/i18n/it-screens';
import { enScreens as en } from '../../renderer/src/i18n/en-screens';

const fmt = { date: (d: string) => d.slice(0, 10), time: () => '10:42' };
const missing = {
  integrity: 'invalid',
  indication: 'INDETERMINATE',
  subIndication: 'SIGNED_DATA_NOT_FOUND',
} as const;

describe('verdict of a .p7s without its document', () => {
  it('is amber with the "put it beside" sentence', () => {
    const v = fileVerdict(
      {
        file: 'a.pdf.p7s',
        format: 'cms',
        error: null,
        signatures: [signature({ ...missing, contentMissing: true })],
      },
      fmt,
    );
    expect(v).toMatchObject({ tone: 'warn', sentence: { key: 'verdict.contentMissing' } });
    expect(JSON.stringify(it_)).toContain('mettilo accanto alla firma con lo stesso nome');
    expect(JSON.stringify(en)).toContain('put it next to the signature with the same name');
  });

  it('a missing reference without that flag stays red', () => {
    const v = fileVerdict(
      { file: 'x.xml', format: 'xades', error: null, signatures: [signature(missing)] },
      fmt,
    );
    expect(v.tone).toBe('bad');
  });
});
