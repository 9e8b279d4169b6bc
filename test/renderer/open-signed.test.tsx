// @vitest-environment jsdom
/**
 * "Apri il documento firmato" on the Verify screen (issue 21 flow 5): the file's button for a p7m / XML, one
 * "Apri la versione firmata" per intact PDF signature (asking for that signature), none for a detached signature,
 * a broken one or an error; the answer's three outcomes — opened, downloaded (harness), saved but not opened.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FileReport } from '../../shared/schemas/verify';
import { useApp } from '../../renderer/src/state/store';
import { renderApp } from './support/render-app';
import { failure } from './support/fake-bridge';
import { signature } from './support/fixtures';

afterEach(cleanup);

const P7M = '/home/u/Documenti/fattura.xml.p7m';
const PDF = '/home/u/Documenti/contratto.pdf';
const OPENED = '/home/u/.config/sigillo/opened/.session.sigillo-0000000100000000.tmp/dAbc/fattura.xml';

async function openVerify(reports: FileReport[]) {
  const bridge = await renderApp({ verify: () => ({ reportId: 'r1', reports }) });
  await act(async () => {
    useApp.getState().addVerifyFiles(reports.map((r) => r.file));
    useApp.getState().navigate('verify');
  });
  return bridge;
}

const doc = (over: object = {}) => ({ path: OPENED, name: 'fattura.xml', size: 120, risk: null, ...over });

describe('Apri il documento firmato', () => {
  it('opens a p7m’s document with the system viewer', async () => {
    const bridge = await openVerify([{ file: P7M, format: 'cades', error: null, signatures: [signature()] }]);
    bridge.set('openSigned', () => doc({ outcome: 'opened' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Apri il documento firmato' }));
    expect(await screen.findByText(/^fattura\.xml aperto con il programma predefinito\./)).toBeTruthy();
    expect(bridge.calls.find((c) => c.method === 'openSigned')?.request).toEqual({
      reportId: 'r1',
      file: P7M,
    });
    // the line follows a language switch (kept as a message key, not as text)
    const { changeLanguage } = await import('../../renderer/src/i18n/setup');
    try {
      await act(async () => changeLanguage('en'));
      expect(await screen.findByText(/^fattura\.xml opened with the default application\./)).toBeTruthy();
    } finally {
      await act(async () => changeLanguage('it'));
    }
  });

  it('in the harness downloads the bytes from the URL the main process gives', async () => {
    const bridge = await openVerify([{ file: P7M, format: 'cades', error: null, signatures: [signature()] }]);
    const url = '/download/abcdefgh12345678?token=t0k';
    bridge.set('openSigned', () => doc({ outcome: 'download', downloadUrl: url }));
    const clicked: { href: string; download: string }[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    try {
      await userEvent.click(await screen.findByRole('button', { name: 'Apri il documento firmato' }));
      expect(await screen.findByText('fattura.xml scaricato dal browser.')).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
    expect(clicked).toEqual([{ href: url, download: 'fattura.xml' }]);
  });

  it('says where a program is saved instead of opening it, with "Mostra nella cartella"', async () => {
    const bridge = await openVerify([{ file: P7M, format: 'cades', error: null, signatures: [signature()] }]);
    const exe = OPENED.replace('fattura.xml', 'setup.exe');
    bridge.set('openSigned', () => doc({ path: exe, name: 'setup.exe', risk: 'program', outcome: 'saved' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Apri il documento firmato' }));
    expect(
      await screen.findByText(
        new RegExp(
          `^setup\\.exe è un programma: Sigillo non lo apre\\. È salvato in ${exe.replace(/[.]/g, '\\.')}`,
        ),
      ),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Mostra nella cartella' }));
    expect(bridge.calls.find((c) => c.method === 'showItemInFolder')?.request).toEqual({ path: exe });
  });

  it('shows the refusal’s message (file changed since verification)', async () => {
    const bridge = await openVerify([{ file: P7M, format: 'cades', error: null, signatures: [signature()] }]);
    bridge.set('openSigned', () =>
      failure('OPEN_FILE_CHANGED', 'Il file è cambiato sul disco dopo la verifica.'),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Apri il documento firmato' }));
    expect(await screen.findByText('Il file è cambiato sul disco dopo la verifica.')).toBeTruthy();
  });

  it('a PDF offers the signed version per intact signature, asking for that signature', async () => {
    const bridge = await openVerify([
      {
        file: PDF,
        format: 'pades',
        error: null,
        revisions: 3,
        signatures: [
          signature({
            signer: { commonName: 'ROSSI MARIO' },
            byteRange: [0, 10, 20, 30],
            coversWholeDocument: false,
          }),
          signature({ signer: { commonName: 'BIANCHI ANNA' }, byteRange: [0, 100, 200, 300] }),
          signature({
            signer: { commonName: 'NERI LUCA' },
            integrity: 'invalid',
            indication: 'TOTAL_FAILED',
          }),
        ],
      },
    ]);
    bridge.set('openSigned', () => doc({ name: 'contratto (firmata da Bianchi).pdf', outcome: 'opened' }));
    expect(screen.queryByRole('button', { name: 'Apri il documento firmato' })).toBeNull();
    expect(
      await screen.findByRole('button', { name: 'Apri la versione firmata da ROSSI MARIO (firma 1)' }),
    ).toBeTruthy();
    expect(
      screen.queryByRole('button', { name: 'Apri la versione firmata da NERI LUCA (firma 3)' }),
    ).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'Apri la versione firmata da BIANCHI ANNA (firma 2)' }),
    );
    expect(await screen.findByText(/^contratto \(firmata da Bianchi\)\.pdf aperto/)).toBeTruthy();
    expect(bridge.calls.find((c) => c.method === 'openSigned')?.request).toEqual({
      reportId: 'r1',
      file: PDF,
      signature: 2,
    });
  });

  it('offers nothing for a detached signature, a broken signature or a file that did not verify', async () => {
    const reports: FileReport[] = [
      { file: '/d/a.txt.p7s', format: 'cades', error: null, signatures: [signature()], content: '/d/a.txt' },
      {
        file: '/d/b.p7m',
        format: 'cades',
        error: null,
        signatures: [
          signature({ integrity: 'invalid', indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }),
        ],
      },
      {
        file: '/d/c.p7m',
        format: null,
        error: { code: 'MALFORMED_CMS', message: 'Non è un p7m.' },
        signatures: [],
      },
    ];
    for (const r of reports) {
      await openVerify([r]);
      await screen.findByRole('button', { name: 'Esporta rapporto (PDF)' });
      expect(screen.queryByRole('button', { name: 'Apri il documento firmato' }), r.file).toBeNull();
      cleanup();
    }
  });
});
