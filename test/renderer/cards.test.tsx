// @vitest-environment jsdom
/** Certificates and PIN/PUK screens: no card, card, locked PIN, expired certificate, errors. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from './support/render-app';
import { failure } from './support/fake-bridge';
import { cert, renewal, token } from './support/fixtures';

afterEach(cleanup);

const one = (tk = token()) => ({ listTokens: () => ({ module: null, tokens: [tk] }) });

describe('Certificates', () => {
  it('has an empty state without a card', async () => {
    await renderApp({}, { route: 'certificates' });
    expect(screen.getByText('Inserisci la carta per vedere i suoi certificati.')).toBeTruthy();
  });

  it('shows both certificates side by side with their facts, and exports a .cer', async () => {
    const bridge = await renderApp(
      {
        ...one(
          token({
            certificates: [cert('authentication'), cert('signature', { renewal: renewal('valid', 900) })],
          }),
        ),
        chooseSavePath: () => ({ path: '/home/u/firma.cer' }),
        exportCertificate: () => ({ path: '/home/u/firma.cer' }),
      },
      { route: 'certificates' },
    );
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(2);
    const sig = within(cards[0] as HTMLElement);
    expect(sig.getByRole('heading', { name: 'Certificato di firma' })).toBeTruthy();
    expect(sig.getByText('VRDGLI85M41F205X')).toBeTruthy();
    expect(sig.getByText('InfoCamere Qualified Electronic Signature CA')).toBeTruthy();
    expect(sig.getByText('0a1b2c')).toBeTruthy();
    expect(sig.getByText(/certificato qualificato, chiave su dispositivo sicuro/)).toBeTruthy();
    expect(sig.getByRole('meter')).toBeTruthy();
    await userEvent.click(sig.getByRole('button', { name: 'Sospensione e riattivazione' }));
    expect(bridge.calls.find((c) => c.method === 'openExternal')?.request).toEqual({
      url: 'https://id.infocamere.it/infocamere/firma_digitale/sospensione_e_riattivazione',
    });
    await userEvent.click(sig.getByRole('button', { name: 'Esporta .cer…' }));
    expect(await sig.findByText('Certificato salvato in /home/u/firma.cer')).toBeTruthy();
    expect(bridge.calls.find((c) => c.method === 'exportCertificate')?.request).toMatchObject({
      token: 'CNS-VERDI',
      certId: '02',
      outputPath: '/home/u/firma.cer',
    });
  });

  it('marks an expired certificate in red with words', async () => {
    await renderApp(one(token({ certificates: [cert('signature', { daysLeft: -5 })] })), {
      route: 'certificates',
    });
    const card = screen.getByRole('article');
    const pill = within(card).getByText(/scaduto da [45] giorni/);
    expect(pill.className).toContain('bad');
  });
});

describe('PIN and PUK', () => {
  it('has an empty state without a card', async () => {
    await renderApp({}, { route: 'pin' });
    expect(screen.getByText('Inserisci la carta per cambiare il PIN o sbloccarlo.')).toBeTruthy();
  });

  it('shows the length rules and refuses mismatching new PINs without calling the card', async () => {
    const bridge = await renderApp(one(), { route: 'pin' });
    const form = within(screen.getByRole('form', { name: 'Cambia il PIN' }));
    expect(form.getAllByText('Da 5 a 8 cifre (solo numeri).')).toHaveLength(1);
    await userEvent.type(form.getByLabelText('PIN attuale'), '12345');
    await userEvent.type(form.getByLabelText('Nuovo PIN'), '54321');
    await userEvent.type(form.getByLabelText('Ripeti il nuovo PIN'), '54322');
    await userEvent.click(form.getByRole('button', { name: 'Cambia il PIN' }));
    expect(form.getByRole('alert').textContent).toBe('I due nuovi PIN non coincidono.');
    expect(bridge.calls.some((c) => c.method === 'changePin')).toBe(false);
  });

  it('asks for the PUK when it is missing', async () => {
    const bridge = await renderApp(one(), { route: 'pin' });
    const form = within(screen.getByRole('form', { name: 'Sblocca il PIN con il PUK' }));
    await userEvent.click(form.getByRole('button', { name: 'Sblocca e imposta il nuovo PIN' }));
    expect(form.getByRole('alert').textContent).toBe('Scrivi il PUK.');
    expect(bridge.calls.some((c) => c.method === 'unblockPin')).toBe(false);
  });

  it('changes the PIN, clears the fields and confirms', async () => {
    const bridge = await renderApp({ ...one(), changePin: () => ({ ok: true }) }, { route: 'pin' });
    const form = within(screen.getByRole('form', { name: 'Cambia il PIN' }));
    await userEvent.type(form.getByLabelText('PIN attuale'), '12345');
    await userEvent.type(form.getByLabelText('Nuovo PIN'), '54321');
    await userEvent.type(form.getByLabelText('Ripeti il nuovo PIN'), '54321{Enter}');
    expect(await form.findByText(/Fatto: il PIN è stato cambiato/)).toBeTruthy();
    expect(bridge.calls.find((c) => c.method === 'changePin')?.request).toEqual({
      token: 'CNS-VERDI',
      oldPin: '12345',
      newPin: '54321',
    });
    for (const input of form.getAllByDisplayValue(''))
      expect((input as HTMLInputElement).type).toBe('password');
    expect(form.queryByDisplayValue('54321')).toBeNull();
  });

  it('shows the card error for a wrong current PIN', async () => {
    await renderApp(
      { ...one(), changePin: () => failure('PIN_INCORRECT', 'PIN attuale errato.') },
      { route: 'pin' },
    );
    const form = within(screen.getByRole('form', { name: 'Cambia il PIN' }));
    await userEvent.type(form.getByLabelText('PIN attuale'), '11111');
    await userEvent.type(form.getByLabelText('Nuovo PIN'), '54321');
    await userEvent.type(form.getByLabelText('Ripeti il nuovo PIN'), '54321{Enter}');
    expect(await form.findByText('PIN attuale errato.')).toBeTruthy();
  });

  it('with a locked PIN: says so, disables the change, unblocks with the PUK', async () => {
    const bridge = await renderApp(
      { ...one(token({ userPin: { locked: true } })), unblockPin: () => ({ ok: true }) },
      { route: 'pin' },
    );
    expect(screen.getByText('Il PIN è bloccato. Puoi sbloccarlo con il PUK.')).toBeTruthy();
    const change = within(screen.getByRole('form', { name: 'Cambia il PIN' }));
    expect(change.getByRole('button', { name: 'Cambia il PIN' })).toHaveProperty('disabled', true);
    const unblock = within(screen.getByRole('form', { name: 'Sblocca il PIN con il PUK' }));
    await userEvent.type(unblock.getByLabelText('PUK'), '87654321');
    await userEvent.type(unblock.getByLabelText('Nuovo PIN'), '24680');
    await userEvent.type(unblock.getByLabelText('Ripeti il nuovo PIN'), '24680');
    await userEvent.click(unblock.getByRole('button', { name: 'Sblocca e imposta il nuovo PIN' }));
    expect(await unblock.findByText(/Fatto: il PIN è sbloccato/)).toBeTruthy();
    expect(bridge.calls.find((c) => c.method === 'unblockPin')?.request).toEqual({
      token: 'CNS-VERDI',
      puk: '87654321',
      newPin: '24680',
    });
  });

  it('warns on the last PUK try and says when the PUK is locked too', async () => {
    await renderApp(one(token({ soPin: { finalTry: true } })), { route: 'pin' });
    expect(screen.getByText(/ultimo tentativo del PUK/)).toBeTruthy();
    cleanup();
    await renderApp(one(token({ userPin: { locked: true }, soPin: { locked: true } })), { route: 'pin' });
    expect(screen.getByText(/Anche il PUK è bloccato/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sblocca e imposta il nuovo PIN' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});
