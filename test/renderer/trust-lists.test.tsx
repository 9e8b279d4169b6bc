// @vitest-environment jsdom
/**
 * Issue 21 flow 6 in the page: Settings shows the EU trusted lists' state with "Aggiorna" and progress; a stale
 * state is refreshed in the background at start (the window stays usable); a signature without a trust anchor
 * says how to fix it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TrustState } from '../../shared/schemas/trust';
import { useApp } from '../../renderer/src/state/store';
import { useTrust } from '../../renderer/src/state/trust';
import { renderApp } from './support/render-app';
import { signature } from './support/fixtures';

afterEach(() => {
  cleanup();
  useTrust.setState({ state: null, updating: false, progress: null, error: null });
});

const fresh: TrustState = {
  lastUpdate: '2026-12-01T09:30:00Z',
  ageDays: 6,
  lists: 27,
  services: 312,
  anchors: 140,
  failures: [
    { territory: 'FR', url: 'https://x/fr.xml', code: 'TSL_SIGNATURE_INVALID', message: 'firma non valida' },
  ],
  stale: false,
};

describe('EU trusted lists in the app', () => {
  it('Settings shows last update, lists, services and failures; "Aggiorna" updates with progress', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const bridge = await renderApp(
      { trustStatus: () => fresh, updateTrust: () => new Promise((r) => (finish = r)) },
      { route: 'settings' },
    );
    const section = await screen.findByRole('region', { name: 'Elenchi di fiducia UE' });
    expect(
      await within(section).findByText(
        'Aggiornati il 01/12/2026 alle 10:30: 27 elenchi, 312 servizi caricati.',
      ),
    ).toBeTruthy();
    expect(within(section).getByText('FR: firma non valida')).toBeTruthy();
    // not stale: nothing downloaded by itself
    expect(bridge.calls.filter((c) => c.method === 'updateTrust')).toHaveLength(0);
    await userEvent.click(within(section).getByRole('button', { name: 'Aggiorna' }));
    const req = bridge.calls.find((c) => c.method === 'updateTrust')?.request as { operationId: string };
    act(() =>
      bridge.emit('progress', {
        operationId: req.operationId,
        file: 'IT',
        fileIndex: 3,
        fileCount: 27,
        bytesDone: 4,
        bytesTotal: 27,
        phase: 'working',
      }),
    );
    expect(within(section).getByText('4 di 27 elenchi')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Aggiornamento in corso…' })).toHaveProperty(
      'disabled',
      true,
    );
    await act(async () => finish({ ...fresh, lastUpdate: '2026-12-07T08:00:00Z', ageDays: 0, failures: [] }));
    expect(await within(section).findByText(/^Aggiornati il 07\/12\/2026 alle 09:00/)).toBeTruthy();
    expect(within(section).queryByText('FR: firma non valida')).toBeNull();
  });

  it('refreshes stale lists in the background at start, without blocking the window', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const bridge = await renderApp({
      trustStatus: () => ({ ...fresh, lastUpdate: null, ageDays: null, lists: 0, services: 0, stale: true }),
      updateTrust: () => new Promise((r) => (finish = r)),
    });
    await act(async () => undefined);
    expect(bridge.calls.filter((c) => c.method === 'updateTrust')).toHaveLength(1);
    // the window is usable meanwhile
    await userEvent.click(screen.getByRole('button', { name: 'Impostazioni' }));
    expect(screen.getByRole('button', { name: 'Aggiornamento in corso…' })).toBeTruthy();
    await act(async () => finish(fresh));
    expect(await screen.findByRole('button', { name: 'Aggiorna' })).toBeTruthy();
  });

  it('a signature without a trust anchor says to update the trusted lists, with the button', async () => {
    const bridge = await renderApp({
      verify: () => ({
        reportId: 'r1',
        reports: [
          {
            file: '/d/fattura.xml.p7m',
            format: 'cades',
            error: null,
            signatures: [
              signature({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' }),
            ],
          },
        ],
      }),
      updateTrust: () => fresh,
    });
    await act(async () => {
      useApp.getState().addVerifyFiles(['/d/fattura.xml.p7m']);
      useApp.getState().navigate('verify');
    });
    expect(await screen.findByText(/aggiorna gli elenchi di fiducia, poi verifica di nuovo\.$/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Aggiorna gli elenchi di fiducia' }));
    expect(bridge.calls.filter((c) => c.method === 'updateTrust')).toHaveLength(1);
  });
});
