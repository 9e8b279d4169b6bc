// @vitest-environment jsdom
/** The frame: device status (no card, card, expiring, expired, locked PIN, read error) and navigation. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from './support/render-app';
import { failure } from './support/fake-bridge';
import { cert, token } from './support/fixtures';

afterEach(cleanup);

const rail = () => within(screen.getByRole('region', { name: 'Dispositivo di firma' }));

describe('device status in the rail', () => {
  it('says there is no card and what to do', async () => {
    await renderApp();
    expect(rail().getByText('Nessuna carta inserita')).toBeTruthy();
    expect(rail().getByText(/Inserisci la carta nel lettore/)).toBeTruthy();
  });

  it('shows reader, holder, fiscal code and days to expiry', async () => {
    await renderApp({ listTokens: () => ({ module: null, tokens: [token()] }) });
    expect(rail().getByText('ACS ACR39U ICC Reader')).toBeTruthy();
    expect(rail().getByText('VERDI GIULIA')).toBeTruthy();
    expect(rail().getByText('VRDGLI85M41F205X')).toBeTruthy();
    const pill = rail().getByText('scade tra 900 giorni');
    expect(pill.className).toContain('ok');
  });

  it('turns amber inside 90 days and red when expired', async () => {
    await renderApp({
      listTokens: () => ({
        module: null,
        tokens: [
          token({ label: 'A', certificates: [cert('signature', { daysLeft: 58 })] }),
          token({ label: 'B', certificates: [cert('signature', { daysLeft: -10 })] }),
        ],
      }),
    });
    expect(rail().getByText('scade tra 58 giorni').className).toContain('warn');
    await userEvent.selectOptions(rail().getByRole('combobox', { name: 'Scegli il dispositivo' }), 'B');
    const expired = rail().getByText(/scaduto da 1[01] giorni/);
    expect(expired.className).toContain('bad');
  });

  it('flags a locked PIN', async () => {
    await renderApp({ listTokens: () => ({ module: null, tokens: [token({ userPin: { locked: true } })] }) });
    expect(rail().getByText('PIN bloccato')).toBeTruthy();
  });

  it('shows a read error in plain words', async () => {
    await renderApp({
      listTokens: () => failure('PKCS11_MODULE_NOT_FOUND', 'Nessun modulo PKCS#11 trovato.'),
    });
    expect(rail().getByText('Impossibile leggere i dispositivi')).toBeTruthy();
    expect(rail().getByText('Nessun modulo PKCS#11 trovato.')).toBeTruthy();
  });

  it('re-reads the tokens on a card event', async () => {
    const bridge = await renderApp();
    bridge.set('listTokens', () => ({ module: null, tokens: [token()] }));
    bridge.emit('card', { type: 'card-inserted', reader: 'ACS' });
    expect(await rail().findByText('VERDI GIULIA')).toBeTruthy();
  });
});

describe('navigation', () => {
  it('has the five places plus About, and marks the current one', async () => {
    await renderApp();
    const nav = within(screen.getByRole('navigation', { name: 'Sezioni' }));
    for (const name of ['Inizio', 'Firma', 'Verifica', 'Certificati', 'PIN e PUK', 'Impostazioni']) {
      expect(nav.getByRole('button', { name })).toBeTruthy();
    }
    await userEvent.click(nav.getByRole('button', { name: 'Certificati' }));
    expect(nav.getByRole('button', { name: 'Certificati' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1, name: 'Certificati' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Informazioni' }));
    expect(await screen.findByText('Sigillo 0.1.0')).toBeTruthy();
  });

  it('opens files sent by the OS on the right screen', async () => {
    const bridge = await renderApp();
    bridge.emit('openFiles', { paths: ['/home/u/fattura.xml.p7m'] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Verifica' })).toBeTruthy();
  });
});
