// @vitest-environment jsdom
/**
 * "Mostra le differenze" (issue 23) over the fake bridge (answers checked against the contract): offered only
 * for a PDF whose signature does not cover the whole file; changed pages with their image and caption, the
 * identical pages said, the changes in words; permitted changes only said to be harmless; keyboard: the
 * heading takes focus, Escape closes; English too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FileReport, SignatureReport } from '../../shared/schemas/verify';
import type { VisualDiffResponse } from '../../shared/schemas/visual';
import { useApp } from '../../renderer/src/state/store';
import { renderApp } from './support/render-app';
import type { UiLang } from '../../renderer/src/i18n/setup';
import { SETTINGS, signature } from './support/fixtures';
import { pageRanges as pageList } from '../../shared/page-ranges';

afterEach(cleanup);

const PDF = '/home/u/Documenti/contratto.pdf';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function pdfSig(allowed: boolean, extra: Partial<SignatureReport> = {}): SignatureReport {
  return signature({
    fieldName: 'Firma1',
    subFilter: 'ETSI.CAdES.detached',
    byteRange: [0, 100, 200, 300],
    coversWholeDocument: false,
    revision: 1,
    modifications: {
      laterRevisions: 1,
      allowed,
      pages: allowed ? [] : [2],
      objects: [],
      changes: [],
      allowedChanges: allowed ? ['signature'] : [],
      items: allowed
        ? []
        : [
            {
              kind: 'page-content',
              allowed: false,
              rule: 'page-content',
              ruleText: { it: 'contenuto delle pagine', en: 'page content' },
              page: 2,
              object: 7,
              name: null,
              reason: { it: 'Contenuto della pagina 2 cambiato', en: 'Content of page 2 changed' },
            },
          ],
    },
    ...extra,
  });
}

const CHANGED: VisualDiffResponse = {
  file: PDF,
  signatures: [
    {
      signature: 1,
      pagesSigned: 3,
      pagesNow: 3,
      identical: [1, 3],
      notCompared: [],
      pages: [
        {
          page: 2,
          kind: 'changed',
          changedFraction: 0.0042,
          boxes: [{ x: 72, y: 715, width: 230, height: 20 }],
          image: PNG,
          imageWidth: 2743,
          imageHeight: 1295,
        },
      ],
    },
  ],
};

async function open(
  sigs: SignatureReport[],
  answer: VisualDiffResponse | Promise<VisualDiffResponse>,
  lang: UiLang = 'it',
) {
  const report: FileReport = { file: PDF, format: 'pades', error: null, signatures: sigs };
  const bridge = await renderApp(
    {
      verify: () => ({ reportId: 'r1', reports: [report] }),
      visualDiff: () => answer,
      getSettings: () => ({ ...SETTINGS, language: lang }),
    },
    { lang },
  );
  await act(async () => {
    useApp.getState().addVerifyFiles([PDF]);
    useApp.getState().navigate('verify');
  });
  return bridge;
}

describe('visual differences', () => {
  it('shows the changed page side by side, the identical pages and the change in words', async () => {
    const bridge = await open([pdfSig(false)], CHANGED);
    const button = await screen.findByRole('button', { name: 'Mostra le differenze' });
    await userEvent.click(button);
    const img = await screen.findByRole('img', { name: /^Pagina 2: versione firmata/ });
    expect(img.getAttribute('src')).toBe(PNG);
    expect(screen.getByText('Pagina 2: modificata (0,42% dei punti)')).toBeTruthy();
    expect(screen.getByText('Le pagine 1, 3 sono identiche alla versione firmata.')).toBeTruthy();
    expect(
      screen.getByRole('list', { name: 'Modifiche trovate dall’analisi del file' }).textContent,
    ).toContain('Contenuto della pagina 2 cambiato');
    expect(bridge.calls.find((c) => c.method === 'visualDiff')?.request).toMatchObject({
      reportId: 'r1',
      file: PDF,
    });
    // keyboard: the heading has the focus once loaded; Escape closes the view
    expect(document.activeElement?.textContent).toBe('Che cosa è cambiato dopo la firma');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByText('Che cosa è cambiato dopo la firma')).toBeNull();
    expect(screen.getByRole('button', { name: 'Mostra le differenze' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
  });

  it('permitted changes only: says so, no image', async () => {
    const none: VisualDiffResponse = {
      file: PDF,
      signatures: [
        { signature: 1, pagesSigned: 2, pagesNow: 2, identical: [1, 2], notCompared: [], pages: [] },
      ],
    };
    await open([pdfSig(true), pdfSig(true, { coversWholeDocument: true })], none, 'en');
    await userEvent.click(await screen.findByRole('button', { name: 'Show differences' }));
    expect(await screen.findByText(/^Only permitted changes after this signature/)).toBeTruthy();
    expect(screen.queryByRole('img', { name: /^Page/ })).toBeNull();
    expect(screen.getByText('This signature covers the whole document.')).toBeTruthy();
    expect(screen.getByText('Pages 1, 2 are identical to the signed version.')).toBeTruthy();
  });

  it('closed before the answer: the comparison is cancelled', async () => {
    const bridge = await open([pdfSig(false)], new Promise<VisualDiffResponse>(() => undefined));
    await userEvent.click(await screen.findByRole('button', { name: 'Mostra le differenze' }));
    await screen.findByText('Confronto delle versioni in corso…');
    await userEvent.click(screen.getByRole('button', { name: 'Nascondi le differenze' }));
    const asked = bridge.calls.find((c) => c.method === 'visualDiff')?.request as { operationId: string };
    expect(bridge.calls.find((c) => c.method === 'cancel')?.request).toEqual({
      operationId: asked.operationId,
    });
  });

  it('is not offered when every signature covers the whole file', async () => {
    await open([pdfSig(true, { coversWholeDocument: true })], CHANGED);
    await screen.findByRole('button', { name: 'Esporta rapporto (PDF)' });
    expect(screen.queryByRole('button', { name: 'Mostra le differenze' })).toBeNull();
  });
});

describe('page lists', () => {
  it('says runs of pages as ranges', () => {
    expect(pageList([1, 3])).toBe('1, 3');
    expect(pageList([1, 2])).toBe('1, 2');
    expect(pageList([1, 2, 3, 5, 51, 52, 53, 54])).toBe('1–3, 5, 51–54');
    expect(pageList([])).toBe('');
  });
});
