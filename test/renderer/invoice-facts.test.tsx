// @vitest-environment jsdom
/**
 * The FatturaPA key data on the Verify screen: the "Da … a …" line names the parties when the invoice does, and is
 * left out when it names neither (it used to read "Da — a —"); each document keeps its number, date and total.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import type { FatturaPaSummary, FileReport } from '../../shared/schemas/verify';
import { useApp } from '../../renderer/src/state/store';
import { renderApp } from './support/render-app';
import { signature } from './support/fixtures';

afterEach(cleanup);

const FILE = '/home/u/Documenti/IT01234567890_00001.xml.p7m';
const nobody = { name: null, vatNumber: null, codiceFiscale: null };

function invoice(over: Partial<FatturaPaSummary> = {}): FatturaPaSummary {
  return {
    transmissionFormat: 'FPR12',
    schemaVersion: '1.2',
    sender: { ...nobody, name: 'ACME SRL' },
    customer: { ...nobody, vatNumber: 'IT09876543210' },
    documents: [{ type: 'TD01', number: '7', date: '2026-12-01', total: '122.00', currency: 'EUR' }],
    ...over,
  };
}

async function showVerify(fatturapa: FatturaPaSummary) {
  const report: FileReport = {
    file: FILE,
    format: 'cades',
    error: null,
    signatures: [signature()],
    fatturapa,
  };
  await renderApp({ verify: () => ({ reportId: 'r1', reports: [report] }) });
  await act(async () => {
    useApp.getState().addVerifyFiles([FILE]);
    useApp.getState().navigate('verify');
  });
  await screen.findByText('Fattura elettronica (FatturaPA)');
}

describe('FatturaPA key data', () => {
  it('names the parties the invoice names', async () => {
    await showVerify(invoice());
    expect(screen.getByText('Da ACME SRL a IT09876543210')).toBeTruthy();
    expect(screen.getByText(/^Documento n\. 7 del 01\/12\/2026: totale 122,00/)).toBeTruthy();
  });

  it('leaves the parties line out when the invoice names neither', async () => {
    await showVerify(invoice({ sender: nobody, customer: nobody }));
    expect(screen.queryByText(/^Da .* a /)).toBeNull();
    expect(screen.getByText(/^Documento n\. 7 del 01\/12\/2026: totale 122,00/)).toBeTruthy();
  });
});
