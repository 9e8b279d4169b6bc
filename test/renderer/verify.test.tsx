// @vitest-environment jsdom
/** Verify screen: one sentence first (colour + icon + text), details, nesting, batch table, report, extraction. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FileReport } from '../../shared/schemas/verify';
import { useApp } from '../../renderer/src/state/store';
import { renderApp } from './support/render-app';
import { failure } from './support/fake-bridge';
import { signature } from './support/fixtures';

afterEach(cleanup);

const P7M = '/home/u/Documenti/fattura.xml.p7m';

function verifyWith(reports: FileReport[]) {
  return () => ({ reportId: 'r1', reports });
}

/** Files handed over (as a drop does): the Verify screen runs at once. */
async function handOver(files: string[]) {
  await act(async () => {
    useApp.getState().addVerifyFiles(files);
    useApp.getState().navigate('verify');
  });
}

async function openVerify(reports: FileReport[]) {
  const bridge = await renderApp({ verify: verifyWith(reports) });
  await handOver(reports.map((r) => r.file));
  return bridge;
}

describe('Verify', () => {
  it('has an empty state that says what to do', async () => {
    await renderApp({}, { route: 'verify' });
    expect(screen.getByText('Nessun file da verificare')).toBeTruthy();
  });

  it('says a valid qualified signature in one sentence, in green with an icon', async () => {
    await openVerify([{ file: P7M, format: 'cades', error: null, signatures: [signature()] }]);
    const sentence = await screen.findByText(
      /^Firma valida — VERDI GIULIA \(VRDGLI85M41F205X\), firmato il 20\/11\/2026 alle 10:42, certificato qualificato\.$/,
    );
    const box = sentence.closest('.verdict') as HTMLElement;
    expect(box.className).toContain('ok');
    expect(within(box).getByRole('img', { name: 'Valida' })).toBeTruthy();
  });

  it('says a tampered document was modified after signing, in red', async () => {
    await openVerify([
      {
        file: P7M,
        format: 'cades',
        error: null,
        signatures: [
          signature({ integrity: 'invalid', indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }),
        ],
      },
    ]);
    const sentence = await screen.findByText('Il documento è stato modificato dopo la firma.');
    expect((sentence.closest('.verdict') as HTMLElement).className).toContain('bad');
  });

  it('says when revocation could not be checked, in amber', async () => {
    await openVerify([
      {
        file: P7M,
        format: 'cades',
        error: null,
        signatures: [
          signature({
            indication: 'INDETERMINATE',
            subIndication: 'TRY_LATER',
            explanation: 'OCSP non raggiungibile.',
          }),
        ],
      },
    ]);
    const sentence = await screen.findByText(/Non è stato possibile verificare la revoca del certificato/);
    expect((sentence.closest('.verdict') as HTMLElement).className).toContain('warn');
    await userEvent.click(screen.getByText('VERDI GIULIA', { selector: '.sig-who' }));
    expect(screen.getByText('OCSP non raggiungibile.')).toBeTruthy();
  });

  it('reports an unreadable file in plain words', async () => {
    await openVerify([
      {
        file: P7M,
        format: null,
        error: { code: 'CMS_NOT_SIGNED_DATA', message: 'Il file non è una firma digitale leggibile.' },
        signatures: [],
      },
    ]);
    expect(
      await screen.findByText('Impossibile verificare il file: Il file non è una firma digitale leggibile.'),
    ).toBeTruthy();
  });

  it('indents nested signatures and counter-signatures under their signature', async () => {
    const counter = signature({ signer: { commonName: 'BIANCHI LUCA', fiscalCode: 'BNCLCU70A01F205Z' } });
    await openVerify([
      {
        file: P7M,
        format: 'cades',
        error: null,
        signatures: [
          signature({ counterSignatures: [counter] }),
          signature({ depth: 1, signer: { commonName: 'NERI ANNA' } }),
        ],
      },
    ]);
    expect(await screen.findByText('Tutte le 3 firme sono valide.')).toBeTruthy();
    const counterItem = screen
      .getByText('BIANCHI LUCA', { selector: '.sig-who' })
      .closest('li') as HTMLElement;
    expect(within(counterItem).getByText('Controfirma')).toBeTruthy();
    expect(counterItem.style.marginLeft).toBe('22px');
    const nested = screen.getByText('NERI ANNA', { selector: '.sig-who' }).closest('li') as HTMLElement;
    expect(within(nested).getByText('Firma annidata, livello 1')).toBeTruthy();
  });

  it('exports the report and extracts the document, one click each', async () => {
    const bridge = await openVerify([{ file: P7M, format: 'cades', error: null, signatures: [signature()] }]);
    bridge.set('chooseSavePath', () => ({ path: '/home/u/rapporto.pdf' }));
    bridge.set('exportReport', () => ({ path: '/home/u/rapporto.pdf' }));
    bridge.set('extract', () => ({
      results: [
        { file: P7M, output: '/home/u/Documenti/fattura.xml', error: null, integrity: 'valid', levels: 1 },
      ],
    }));
    await userEvent.click(await screen.findByRole('button', { name: 'Esporta rapporto (PDF)' }));
    expect(await screen.findByText('Rapporto salvato: rapporto.pdf')).toBeTruthy();
    expect(bridge.calls.find((c) => c.method === 'exportReport')?.request).toEqual({
      reportId: 'r1',
      outputPath: '/home/u/rapporto.pdf',
      overwrite: true,
      file: P7M, // one press, one report: the file in view
    });
    await userEvent.click(screen.getByRole('button', { name: 'Estrai documento' }));
    expect(await screen.findByText('Documento estratto: fattura.xml')).toBeTruthy();
    expect(bridge.calls.find((c) => c.method === 'extract')?.request).toEqual({
      files: [P7M],
      overwrite: false,
    });
  });

  it('shows a batch as a table with a filter', async () => {
    const files = ['/d/a.p7m', '/d/b.p7m', '/d/c.p7m'];
    await openVerify([
      { file: files[0] as string, format: 'cades', error: null, signatures: [signature()] },
      {
        file: files[1] as string,
        format: 'cades',
        error: null,
        signatures: [
          signature({ integrity: 'invalid', indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' }),
        ],
      },
      {
        file: files[2] as string,
        format: 'cades',
        error: null,
        signatures: [signature({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' })],
      },
    ]);
    expect(await screen.findByText('Valide: 1 · Non verificabili: 1 · Non valide: 1')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Mostra' }), 'bad');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.textContent).toContain('b.p7m');
    expect(rows[1]?.textContent).toContain('Il documento è stato modificato dopo la firma.');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Mostra' }), 'all');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Cerca per nome o firmatario' }), 'c.p7m');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('a file valid only for part of it: "Valida solo per una parte" in its row and on its signature, amber', async () => {
    const files = ['/d/a.p7m', '/d/fattura.xml'];
    await openVerify([
      { file: files[0] as string, format: 'cades', error: null, signatures: [signature()] },
      {
        file: files[1] as string,
        format: 'xades',
        error: null,
        signatures: [signature({ partialScope: true })],
      },
    ]);
    const table = await screen.findByRole('table');
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('fattura.xml'));
    expect(row?.textContent).toContain('Valida solo per una parte');
    expect(row?.textContent).not.toContain('Non verificabile');
    expect(row?.querySelector('.pill.warn')).toBeTruthy();
  });

  it('reports the whole batch only from its own button, a row only its file', async () => {
    const files = ['/d/a.p7m', '/d/b.p7m'];
    const bridge = await openVerify(
      files.map((file) => ({ file, format: 'cades', error: null, signatures: [signature()] })),
    );
    bridge.set('chooseSavePath', () => ({ path: '/home/u/tutti.pdf' }));
    bridge.set('exportReport', () => ({ path: '/home/u/tutti.pdf' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Rapporto PDF di tutti i file' }));
    expect(await screen.findByText('Rapporto salvato: tutti.pdf')).toBeTruthy();
    const exports = () => bridge.calls.filter((c) => c.method === 'exportReport').map((c) => c.request);
    expect(exports()).toEqual([{ reportId: 'r1', outputPath: '/home/u/tutti.pdf', overwrite: true }]);
    await userEvent.click(screen.getByRole('button', { name: 'b.p7m' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Esporta rapporto (PDF)' }));
    await expect.poll(() => exports().length).toBe(2);
    expect(exports()[1]).toMatchObject({ file: '/d/b.p7m' });
  });

  it('an unsigned file is "Nessuna firma trovata" (neutral), a damaged .p7m stays "Non valida"', async () => {
    await openVerify([
      {
        file: '/d/nota.txt',
        format: null,
        error: { code: 'NOT_CMS', message: 'Il file non è una firma digitale CMS/PKCS#7 (p7m) leggibile.' },
        signatures: [],
      },
      {
        file: '/d/contratto.pdf',
        format: null,
        error: { code: 'NO_SIGNATURES', message: 'Il PDF non contiene firme.' },
        signatures: [],
      },
      {
        file: '/d/rotto.p7m',
        format: null,
        error: { code: 'NOT_CMS', message: 'Il file non è una firma digitale CMS/PKCS#7 (p7m) leggibile.' },
        signatures: [],
      },
    ]);
    expect(
      await screen.findByText('Valide: 0 · Non verificabili: 0 · Non valide: 1 · Senza firma: 2'),
    ).toBeTruthy();
    const row = (name: string) =>
      within(screen.getByRole('table'))
        .getAllByRole('row')
        .find((r) => r.textContent?.includes(name)) as HTMLElement;
    expect(row('nota.txt').textContent).toContain('Nessuna firma trovata');
    expect(row('nota.txt').textContent).not.toContain('Non valida');
    expect(row('nota.txt').querySelector('.pill.none')).not.toBeNull();
    expect(row('contratto.pdf').textContent).toContain('Nessuna firma trovata');
    expect(row('rotto.p7m').textContent).toContain('Non valida');
  });

  it('a batch row opens its details and scrolls them into view; a language switch re-renders old results', async () => {
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      await openVerify([
        { file: '/d/a.p7m', format: 'cades', error: null, signatures: [signature()] },
        { file: '/d/nota.txt', format: null, error: { code: 'NOT_CMS', message: 'x' }, signatures: [] },
      ]);
      await userEvent.click(await screen.findByRole('button', { name: 'nota.txt' }));
      const details = screen.getByRole('article', { name: 'nota.txt' });
      expect(scrolled.some((el) => el.contains(details))).toBe(true);
      await act(async () => {
        const { changeLanguage } = await import('../../renderer/src/i18n/setup');
        await changeLanguage('en');
      });
      expect(
        within(details).getByText('No signature found: this file is not digitally signed.'),
      ).toBeTruthy();
      expect(screen.getByText('Valid: 1 · Cannot be verified: 0 · Not valid: 0 · Unsigned: 1')).toBeTruthy();
    } finally {
      Element.prototype.scrollIntoView = original;
      const { changeLanguage } = await import('../../renderer/src/i18n/setup');
      await changeLanguage('it');
    }
  });

  it('an old result follows a language switch: explanation, findings, revocation and file error from their twins', async () => {
    const tw = (it: string, en: string) => ({ it, en });
    const sig = signature({
      indication: 'INDETERMINATE',
      subIndication: 'TRY_LATER',
      explanation: 'Revoca non verificabile: riprovare più tardi.',
      explanationText: tw(
        'Revoca non verificabile: riprovare più tardi.',
        'Revocation cannot be checked: try later.',
      ),
      messages: ['Servizio CRL non raggiungibile.'],
      messageTexts: [tw('Servizio CRL non raggiungibile.', 'CRL service not reachable.')],
      revocation: {
        status: 'unknown',
        source: null,
        message: 'Nessuna risposta dal servizio di revoca.',
        messageText: tw('Nessuna risposta dal servizio di revoca.', 'No answer from the revocation service.'),
      },
    });
    await openVerify([
      { file: '/d/a.p7m', format: 'cades', error: null, signatures: [sig] },
      {
        file: '/d/rotto.p7m',
        format: null,
        error: { code: 'TRUNCATED', message: 'Il file è troncato.' },
        errorText: tw('Il file è troncato.', 'The file is truncated.'),
        signatures: [],
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'a.p7m' }));
    const card = screen.getByRole('article', { name: 'a.p7m' });
    expect(within(card).getByText('Revoca non verificabile: riprovare più tardi.')).toBeTruthy();
    try {
      await act(async () => {
        const { changeLanguage } = await import('../../renderer/src/i18n/setup');
        await changeLanguage('en');
      });
      const text = card.textContent ?? '';
      for (const en of [
        "The revocation of VERDI GIULIA's certificate could not be checked",
        'Revocation cannot be checked: try later.',
        'CRL service not reachable.',
        'No answer from the revocation service.',
      ])
        expect(text).toContain(en);
      expect(text).not.toMatch(/riprov|raggiungibile|Nessuna risposta|Firma|\bRevoca\b/);
      expect(screen.getByText('The file could not be verified: The file is truncated.')).toBeTruthy();
    } finally {
      const { changeLanguage } = await import('../../renderer/src/i18n/setup');
      await changeLanguage('it');
    }
  });

  it('shows a failed verify call', async () => {
    await renderApp({ verify: () => failure('IPC_INVALID_REQUEST', 'Richiesta non valida.') });
    await handOver([P7M]);
    expect(await screen.findByText('Richiesta non valida.')).toBeTruthy();
  });

  it('offers to extract a damaged document anyway, with a warning', async () => {
    const bridge = await openVerify([{ file: P7M, format: 'cades', error: null, signatures: [signature()] }]);
    const damaged = {
      file: P7M,
      output: null,
      error: { code: 'EXTRACT_INTEGRITY', message: 'La firma non è valida.' },
      integrity: 'invalid',
      levels: 1,
    };
    bridge.set('extract', (req: { force?: boolean }) =>
      req.force
        ? { results: [{ ...damaged, output: '/home/u/Documenti/fattura.xml', error: null }] }
        : { results: [damaged] },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Estrai documento' }));
    expect(await screen.findByText('La firma non è valida.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Estrai comunque per leggerlo' }));
    expect(await screen.findByText(/Documento estratto: fattura.xml\. Attenzione/)).toBeTruthy();
    expect(bridge.calls.filter((c) => c.method === 'extract').map((c) => c.request)).toEqual([
      { files: [P7M], overwrite: false },
      { files: [P7M], overwrite: false, force: true },
    ]);
  });

  it('keeps the result when the user comes back, without verifying again', async () => {
    const bridge = await openVerify([{ file: P7M, format: 'cades', error: null, signatures: [signature()] }]);
    expect(await screen.findByText(/^Firma valida — VERDI GIULIA/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Certificati' }));
    await userEvent.click(screen.getByRole('button', { name: 'Verifica' }));
    expect(screen.getByText(/^Firma valida — VERDI GIULIA/)).toBeTruthy();
    expect(bridge.calls.filter((c) => c.method === 'verify')).toHaveLength(1);
  });

  it('details a PDF signature: proven time, chain to a trusted anchor, revocation, changes after signing', async () => {
    const pdf = '/home/u/Documenti/contratto-signed.pdf';
    const sig = signature({
      timestamps: [
        {
          genTime: '2026-11-20T09:45:00Z',
          policy: '1.2.3',
          serialNumber: '01',
          hashAlgorithm: 'sha256',
          tsa: 'InfoCamere TSA',
          imprintMatches: true,
          integrity: 'valid',
          indication: 'TOTAL_PASSED',
          subIndication: null,
          explanation: 'ok',
          chain: [],
          messages: [],
        },
      ],
      chain: [
        { subject: 'CN=VERDI GIULIA', trustAnchor: false },
        { subject: 'CN=InfoCamere Qualified CA', trustAnchor: true },
      ],
      revocation: { status: 'good', source: 'ocsp', message: null },
      coversWholeDocument: false,
      modifications: {
        allowed: false,
        laterRevisions: 1,
        pages: [1],
        objects: [12],
        changes: [],
        allowedChanges: ['annotation'],
        items: [
          {
            kind: 'page-content',
            allowed: false,
            rule: 'page-content',
            ruleText: { it: 'contenuto delle pagine', en: 'page content' },
            page: 1,
            object: 12,
            name: null,
            reason: { it: 'contenuto della pagina 1 modificato', en: 'content of page 1 changed' },
          },
          {
            kind: 'annotation',
            allowed: true,
            rule: 'annotation',
            ruleText: { it: 'annotazioni', en: 'annotations' },
            page: 1,
            object: 20,
            name: 'Square',
            reason: {
              it: 'annotazione /Square aggiunta a pagina 1',
              en: 'annotation /Square added on page 1',
            },
          },
          {
            kind: 'dss',
            allowed: true,
            rule: 'dss',
            ruleText: { it: 'DSS', en: 'DSS' },
            page: null,
            object: 30,
            name: null,
            reason: { it: 'DSS aggiornato', en: 'DSS updated' },
          },
        ],
      },
      messages: ['Pagina 1 modificata dopo la firma.'],
    } as unknown as Partial<FileReport['signatures'][number]>);
    await openVerify([{ file: pdf, format: 'pades', error: null, signatures: [sig] }]);
    await userEvent.click(await screen.findByText('VERDI GIULIA', { selector: '.sig-who' }));
    expect(screen.getByText('sì, 20/11/2026 alle 10:45')).toBeTruthy();
    expect(screen.getByText('VERDI GIULIA → InfoCamere Qualified CA (fidato)')).toBeTruthy();
    expect(screen.getByText('non revocato (verificato con OCSP)')).toBeTruthy();
    expect(
      screen.getByText('Il PDF è stato modificato dopo questa firma in modo non consentito.'),
    ).toBeTruthy();
    expect(screen.getByText('Pagina 1 modificata dopo la firma.')).toBeTruthy();
    // issue 18: refused changes and permitted annotations are listed with their rule, DSS updates are not
    expect(
      screen.getByText('contenuto della pagina 1 modificato — NON consentita (contenuto delle pagine)'),
    ).toBeTruthy();
    expect(
      screen.getByText('annotazione /Square aggiunta a pagina 1 — consentita (annotazioni)'),
    ).toBeTruthy();
    expect(screen.queryByText(/DSS aggiornato/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Estrai documento' })).toBeNull();
  });

  it('shows the invoice key data of a FatturaPA', async () => {
    await openVerify([
      {
        file: P7M,
        format: 'cades',
        error: null,
        signatures: [signature()],
        fatturapa: {
          transmissionFormat: 'FPR12',
          schemaVersion: '1.2',
          sender: { name: 'Rossi Srl', vatNumber: '01234567890', codiceFiscale: null },
          customer: { name: null, vatNumber: null, codiceFiscale: 'VRDGLI85M41F205X' },
          documents: [{ type: 'TD01', number: '42', date: '2026-11-20', total: '122.00', currency: 'EUR' }],
        },
      },
    ]);
    expect(await screen.findByText('Da Rossi Srl a VRDGLI85M41F205X')).toBeTruthy();
    expect(screen.getByText('Documento n. 42 del 20/11/2026: totale 122,00 €')).toBeTruthy();
  });
});
