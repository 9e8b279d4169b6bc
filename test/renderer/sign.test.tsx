// @vitest-environment jsdom
/** Sign screen and PIN dialog: certificate choice, PIN handling (never stored, never reopened), progress, results. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SignRequest } from '../../shared/schemas/sign';
import { useApp } from '../../renderer/src/state/store';
import { renderApp } from './support/render-app';
import { failure } from './support/fake-bridge';
import { token } from './support/fixtures';

afterEach(cleanup);

const FILES = ['/home/u/Documenti/contratto.pdf', '/home/u/Documenti/nota.txt'];

function signOk(req: SignRequest) {
  return {
    cancelled: false,
    results: req.files.map((f) => ({
      file: f,
      format: f.endsWith('.pdf') ? ('pades' as const) : ('cades' as const),
      output: f.endsWith('.pdf') ? f.replace('.pdf', '-signed.pdf') : `${f}.p7m`,
      error: null,
    })),
  };
}

async function openSign(handlers: Parameters<typeof renderApp>[0] = {}, tk = token()) {
  return renderApp(
    { listTokens: () => ({ module: null, tokens: [tk] }), sign: signOk, ...handlers },
    { route: 'sign', signFiles: FILES },
  );
}

describe('Sign', () => {
  it('has an empty state that says what to do', async () => {
    await renderApp({}, { route: 'sign' });
    expect(screen.getByText('Nessun file da firmare')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Scegli i file…' })).toBeTruthy();
  });

  it('preselects the signature certificate and warns on the authentication one', async () => {
    await openSign();
    const sigRadio = screen.getByRole('radio', { name: /Certificato di firma/ }) as HTMLInputElement;
    expect(sigRadio.checked).toBe(true);
    expect(screen.queryByText(/non serve a firmare documenti/)).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: /Certificato di autenticazione/ }));
    expect(screen.getByRole('alert').textContent).toMatch(/non serve a firmare documenti/);
  });

  it('offers the visible signature box only for PDFs in PAdES', async () => {
    await openSign();
    await userEvent.click(screen.getByRole('checkbox', { name: /Firma visibile/ }));
    expect(screen.getByRole('spinbutton', { name: 'Pagina' })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'Firma CAdES (file .p7m)' }));
    expect(screen.queryByRole('checkbox', { name: /Firma visibile/ })).toBeNull();
  });

  it('asks the PIN, sends it once, keeps it out of the store, shows the results', async () => {
    const bridge = await openSign();
    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    const dialog = await screen.findByRole('dialog', { name: 'Inserisci il PIN' });
    const input = within(dialog).getByLabelText('PIN') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(within(dialog).getByRole('button', { name: 'Firma' })).toHaveProperty('disabled', true);
    await userEvent.type(input, '12345678{Enter}');
    expect(await screen.findByText('File firmati: 2 di 2.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    const signCalls = bridge.calls.filter((c) => c.method === 'sign');
    expect(signCalls).toHaveLength(1);
    const req = signCalls[0]?.request as SignRequest;
    expect(req).toMatchObject({
      pin: '12345678',
      token: 'CNS-VERDI',
      certId: '02',
      files: FILES,
      overwrite: false,
    });
    expect(JSON.stringify(useApp.getState())).not.toContain('12345678');
    expect(document.body.innerHTML).not.toContain('12345678');
    expect(screen.getByText('Salvato come nota.txt.p7m')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Mostra nella cartella' })).toHaveLength(2);
  });

  it('after a wrong PIN keeps the error in view beside Sign, with the tries left, and reopens only on request', async () => {
    let wrong = false;
    const bridge = await openSign({
      listTokens: () => ({ module: null, tokens: [token({ userPin: { countLow: wrong } })] }),
      sign: () => {
        wrong = true;
        return failure('PIN_INCORRECT', 'PIN errato. Restano pochi tentativi prima del blocco.');
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    await userEvent.type(await screen.findByLabelText('PIN'), '11111{Enter}');
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('PIN errato: nessun file è stato firmato.');
    // tries left from the token re-read after the failure; never "PIN errati were already entered"
    await screen.findByText('Restano pochi tentativi prima del blocco.');
    expect(notice.textContent).not.toMatch(/già stat/);
    // in view: right after the Sign button, focused for screen readers
    const signButton = screen.getByRole('button', { name: 'Firma 2 file' });
    expect(signButton.parentElement?.nextElementSibling).toBe(notice);
    expect(document.activeElement).toBe(notice);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.calls.filter((c) => c.method === 'sign')).toHaveLength(1);
    expect(bridge.calls.filter((c) => c.method === 'listTokens').length).toBeGreaterThanOrEqual(2);
    // the user chooses to try again: the dialog opens, with the count-low warning
    await userEvent.click(within(notice).getByRole('button', { name: 'Riprova' }));
    expect(await screen.findByRole('dialog', { name: 'Inserisci il PIN' })).toBeTruthy();
    expect(screen.queryByText('PIN errato: nessun file è stato firmato.')).toBeNull();
  });

  it('does not send a PIN that cannot be a CNS PIN (letters, fewer than 5 digits)', async () => {
    const bridge = await openSign();
    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    const dialog = await screen.findByRole('dialog', { name: 'Inserisci il PIN' });
    const confirm = within(dialog).getByRole('button', { name: 'Firma' });
    await userEvent.type(within(dialog).getByLabelText('PIN'), '1234');
    expect(confirm).toHaveProperty('disabled', true);
    expect(within(dialog).getByText('Da 5 a 8 cifre. Premi Invio per confermare.')).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText('PIN'), 'a{Enter}');
    expect(within(dialog).getByRole('alert').textContent).toBe('Il PIN è di 5–8 cifre (solo numeri).');
    expect(confirm).toHaveProperty('disabled', true);
    expect(bridge.calls.filter((c) => c.method === 'sign')).toHaveLength(0);
  });

  it('before the PIN: an existing output asks Sostituisci / Salva con un altro nome / Annulla', async () => {
    const bridge = await openSign({
      planSign: (req: { files: string[] }) => ({
        files: req.files.map((file) => ({
          file,
          format: 'cades',
          output: `${file}.p7m`,
          exists: file.endsWith('nota.txt'),
          freeName: file.endsWith('nota.txt') ? '/home/u/Documenti/nota (2).txt.p7m' : null,
          error: null,
        })),
      }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    const ask = await screen.findByRole('dialog', { name: 'Il file firmato esiste già' });
    expect(ask.textContent).toContain('nota.txt.p7m — diventerà nota (2).txt.p7m');
    expect(screen.queryByLabelText('PIN')).toBeNull();
    await userEvent.click(within(ask).getByRole('button', { name: 'Annulla' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Salva con un altro nome' }),
    );
    await userEvent.type(await screen.findByLabelText('PIN'), '12345678{Enter}');
    await screen.findByText('File firmati: 2 di 2.');
    const req = bridge.calls.find((c) => c.method === 'sign')?.request as SignRequest;
    expect(req.rename).toBe(true);
    expect(req.overwrite).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Sostituisci' }),
    );
    await userEvent.type(await screen.findByLabelText('PIN'), '12345678{Enter}');
    await screen.findByText('File firmati: 2 di 2.');
    const second = bridge.calls.filter((c) => c.method === 'sign')[1]?.request as SignRequest;
    expect(second.overwrite).toBe(true);
    expect(second.rename).toBe(false);
  });

  it('before the PIN: a file the format cannot sign is explained and the PIN is not asked', async () => {
    const bridge = await openSign({
      planSign: (req: { files: string[] }) => ({
        files: req.files.map((file) => ({
          file,
          format: 'xades',
          output: null,
          exists: false,
          freeName: null,
          error: file.endsWith('.pdf') ? { code: 'FORMAT_NOT_XML', message: 'parser said no' } : null,
        })),
      }),
    });
    await userEvent.click(screen.getByRole('radio', { name: /XAdES/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('contratto.pdf non è un documento XML');
    expect(alert.textContent).not.toContain('parser said no');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.calls.find((c) => c.method === 'planSign')?.request).toMatchObject({ format: 'xades' });
    expect(bridge.calls.filter((c) => c.method === 'sign')).toHaveLength(0);
  });

  it('warns strongly on the last try and links to the PUK unblock', async () => {
    await openSign({}, token({ userPin: { countLow: true, finalTry: true } }));
    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    expect(await screen.findByText('Attenzione: ultimo tentativo prima del blocco.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'PIN bloccato? Sblocca con il PUK' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'PIN e PUK' })).toBeTruthy();
  });

  it('does not let a locked PIN sign', async () => {
    await openSign({}, token({ userPin: { locked: true } }));
    expect(screen.getByRole('button', { name: 'Firma 2 file' })).toHaveProperty('disabled', true);
  });

  it('shows byte progress per file and can cancel', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const bridge = await openSign({ sign: () => new Promise((r) => (finish = r)) });
    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    await userEvent.type(await screen.findByLabelText('PIN'), '12345678{Enter}');
    const req = bridge.calls.find((c) => c.method === 'sign')?.request as SignRequest;
    act(() =>
      bridge.emit('progress', {
        operationId: req.operationId,
        file: FILES[0] as string,
        fileIndex: 0,
        fileCount: 2,
        bytesDone: 512 * 1024,
        bytesTotal: 2 * 1024 * 1024,
        phase: 'working',
      }),
    );
    const bar = screen.getByRole('progressbar', {
      name: 'Avanzamento di contratto.pdf',
    }) as HTMLProgressElement;
    expect(bar.value).toBe(512 * 1024);
    expect(screen.getByText('512 KB di 2 MB')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Annulla' }));
    expect(bridge.calls.find((c) => c.method === 'cancel')?.request).toEqual({
      operationId: req.operationId,
    });
    await act(async () => finish({ cancelled: true, results: [] }));
    expect(await screen.findByText(/Operazione annullata/)).toBeTruthy();
  });

  it('explains per file what went wrong', async () => {
    await openSign({
      sign: (req: SignRequest) => ({
        cancelled: false,
        results: [
          {
            file: req.files[0] as string,
            format: 'pades',
            output: null,
            error: { code: 'OUTPUT_EXISTS', message: 'Il file contratto-signed.pdf esiste già.' },
          },
          { file: req.files[1] as string, format: 'cades', output: `${req.files[1]}.p7m`, error: null },
        ],
      }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Firma 2 file' }));
    await userEvent.type(await screen.findByLabelText('PIN'), '12345678{Enter}');
    expect(await screen.findByText('File firmati: 1 di 2.')).toBeTruthy();
    expect(screen.getByText('Il file contratto-signed.pdf esiste già.')).toBeTruthy();
  });

  it('keeps Tab inside the PIN dialog, closes it with Escape and gives focus back', async () => {
    const bridge = await openSign();
    const opener = screen.getByRole('button', { name: 'Firma 2 file' });
    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Inserisci il PIN' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('PIN'));
    for (let i = 0; i < 6; i++) {
      await userEvent.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(bridge.calls.some((c) => c.method === 'sign')).toBe(false);
  });
});
