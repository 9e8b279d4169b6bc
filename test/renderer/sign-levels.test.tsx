// @vitest-environment jsdom
/**
 * Sign screen: the signing level (B, T, LT, LTA with the TSA of the Settings), the detached .p7s option and
 * counter-signing — what is offered, what is refused with its reason, what the request carries, and how the
 * outputs are labelled (XAdES as XAdES, .p7s as detached, with the level).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SignRequest } from '../../shared/schemas/sign';
import type { Settings } from '../../shared/schemas/settings';
import { renderApp } from './support/render-app';
import { SETTINGS, token } from './support/fixtures';

afterEach(cleanup);

const WITH_TSA: Settings = {
  ...SETTINGS,
  timestamp: { enabled: false, url: 'https://tsa.example.it/tsa', username: null, hasPassword: false },
};

function answer(req: SignRequest) {
  return {
    cancelled: false,
    results: req.files.map((f) => {
      const format =
        req.format === 'xades' ? 'xades' : f.endsWith('.pdf') && !req.detached ? 'pades' : 'cades';
      const output = req.detached
        ? `${f}.p7s`
        : format === 'pades'
          ? f.replace('.pdf', '-signed.pdf')
          : `${f}.p7m`;
      return { file: f, format: format as 'cades' | 'pades' | 'xades', output, error: null };
    }),
  };
}

async function open(files: string[], settings: Settings = WITH_TSA) {
  return renderApp(
    {
      listTokens: () => ({ module: null, tokens: [token()] }),
      getSettings: () => settings,
      sign: answer,
      chooseFolder: () => ({ path: '/home/u/Firmati' }),
    },
    { route: 'sign', signFiles: files },
  );
}

const level = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;

async function signWithPin(bridge: Awaited<ReturnType<typeof open>>, count: string): Promise<SignRequest> {
  await userEvent.click(screen.getByRole('button', { name: count }));
  await userEvent.type(within(screen.getByRole('dialog')).getByLabelText('PIN'), '12345678{Enter}');
  await screen.findByRole('heading', { name: 'Risultato' });
  return bridge.calls.filter((c) => c.method === 'sign').at(-1)?.request as SignRequest;
}

describe('Sign: levels, detached, counter-signing', () => {
  it('without a TSA only B can be chosen, and the screen says where to set one', async () => {
    const bridge = await open(['/home/u/nota.txt'], SETTINGS);
    expect(level(/^B —/).checked).toBe(true);
    for (const l of [/^T —/, /^LT —/, /^LTA —/]) expect(level(l).disabled).toBe(true);
    expect(screen.getByText(/richiedono un servizio di marca temporale/)).toBeTruthy();
    const req = await signWithPin(bridge, 'Firma il file');
    expect(req.level).toBe('B');
  });

  it('with the TSA of the Settings, LT is sent and the outputs are labelled with format and level', async () => {
    const bridge = await open(['/home/u/contratto.pdf', '/home/u/nota.txt']);
    expect(screen.getByText('Marca temporale da https://tsa.example.it/tsa.')).toBeTruthy();
    await userEvent.click(level(/^LT —/));
    const req = await signWithPin(bridge, 'Firma 2 file');
    expect(req).toMatchObject({ level: 'LT', detached: false });
    expect(req.countersign).toBeUndefined();
    expect(screen.getByText('PAdES · livello LT')).toBeTruthy();
    expect(screen.getByText('CAdES (.p7m) · livello LT')).toBeTruthy();
  });

  it('"Firma separata (.p7s)": no PDF box, LTA lowered to LT, detached sent, output labelled as such', async () => {
    const bridge = await open(['/home/u/contratto.pdf']);
    await userEvent.click(level(/^LTA —/));
    expect(screen.getByRole('checkbox', { name: /Firma visibile/ })).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Firma separata (.p7s)' }));
    expect(screen.queryByRole('checkbox', { name: /Firma visibile/ })).toBeNull();
    expect(level(/^LT —/).checked).toBe(true);
    expect(level(/^LTA —/).disabled).toBe(true);
    const req = await signWithPin(bridge, 'Firma il file');
    expect(req).toMatchObject({ detached: true, level: 'LT' });
    expect(req.visible).toBeUndefined();
    expect(screen.getByText('Salvato come contratto.pdf.p7s')).toBeTruthy();
    expect(screen.getByText('CAdES separata (.p7s) · livello LT')).toBeTruthy();
  });

  it('XAdES: up to level T (LT/LTA disabled), no detached option, output labelled XAdES · livello T', async () => {
    const bridge = await open(['/home/u/fattura.xml']);
    await userEvent.click(level(/^LTA —/));
    await userEvent.click(screen.getByRole('radio', { name: /Firma XAdES/ }));
    expect(level(/^T —/).checked).toBe(true);
    expect(level(/^T —/).disabled).toBe(false);
    expect(level(/^LT —/).disabled).toBe(true);
    expect(level(/^LTA —/).disabled).toBe(true);
    expect(
      screen.getByText('Le firme XAdES arrivano fino al livello T (XAdES-T, con marca temporale).'),
    ).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Firma separata (.p7s)' })).toBeNull();
    const req = await signWithPin(bridge, 'Firma il file');
    expect(req).toMatchObject({ format: 'xades', level: 'T' });
    expect(screen.getByText('XAdES · livello T')).toBeTruthy();
  });

  it('counter-signing a .p7m: up to T, needs another output folder, sends the signature number', async () => {
    const bridge = await open(['/home/u/atto.txt.p7m']);
    await userEvent.click(level(/^LTA —/));
    await userEvent.click(screen.getByRole('checkbox', { name: /Controfirma una firma esistente/ }));
    expect(level(/^T —/).checked).toBe(true);
    expect(level(/^LT —/).disabled).toBe(true);
    expect(screen.getByText(/scegli una cartella di destinazione diversa/)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Firma il file' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const n = screen.getByRole('spinbutton', { name: /Firma da controfirmare/ });
    await userEvent.clear(n);
    await userEvent.type(n, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Scegli la cartella…' }));
    expect(await screen.findByText('/home/u/Firmati')).toBeTruthy();
    const req = await signWithPin(bridge, 'Firma il file');
    expect(req).toMatchObject({ countersign: 2, level: 'T', outputDir: '/home/u/Firmati', detached: false });
    expect(screen.getByText('Controfirma CAdES · livello T')).toBeTruthy();
  });
});

describe('Settings: the TSA address', () => {
  it('an address that is not http(s) is refused in plain words and not saved; a good one is saved', async () => {
    const bridge = await renderApp({ getSettings: () => SETTINGS }, { route: 'settings' });
    const field = screen.getByLabelText('Indirizzo del servizio (TSA)');
    const form = field.closest('form') as HTMLFormElement;
    await userEvent.type(field, 'ftp://tsa.example.it');
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    expect(within(form).getByRole('alert').textContent).toMatch(/deve iniziare con https:\/\//);
    expect(bridge.calls.filter((c) => c.method === 'setSettings')).toHaveLength(0);
    await userEvent.clear(field);
    await userEvent.type(field, 'https://tsa.example.it/tsa');
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    expect(within(form).queryByRole('alert')).toBeNull();
    const saved = bridge.calls.filter((c) => c.method === 'setSettings');
    expect(saved.at(-1)?.request).toMatchObject({ timestamp: { url: 'https://tsa.example.it/tsa' } });
  });
});
