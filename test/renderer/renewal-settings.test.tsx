// @vitest-environment jsdom
/** Renewal banner + wizard (states from the core via the API), Settings (language, theme, reminders), i18n. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { it as itRes } from '../../renderer/src/i18n/it';
import { en as enRes } from '../../renderer/src/i18n/en';
import { renderApp } from './support/render-app';
import { cert, renewal, SETTINGS, token } from './support/fixtures';

afterEach(cleanup);

const withSig = (r: ReturnType<typeof renewal>, daysLeft: number) => ({
  listTokens: () => ({
    module: null,
    tokens: [token({ certificates: [cert('signature', { daysLeft, renewal: r })] })],
  }),
});

/** Reminders about BIANCHI LUCA's signature certificate (another card, renewable in 20 days). */
function bianchiReminder() {
  const r = renewal('renewable', 20);
  return {
    enabled: true,
    snoozedUntil: null,
    remembered: 1,
    pending: [
      {
        fingerprintSha256: 'c'.repeat(64),
        commonName: 'BIANCHI LUCA',
        role: 'signature' as const,
        threshold: 30,
        daysLeft: 20,
        expires: r.expires,
        state: 'renewable' as const,
        ca: 'infocamere',
        urls: r.urls,
        alreadyRenewed: false,
        canRenewOnline: true,
        message: 'core',
      },
    ],
  };
}

describe('renewal', () => {
  it('shows the banner inside the window; "later" snoozes; "renew now" opens the wizard', async () => {
    const bridge = await renderApp(withSig(renewal('renewable', 58), 58));
    // the banner names the device it is about: token label and holder
    expect(document.querySelector('.banner-device')?.textContent).toMatch(/^\S+ — VERDI GIULIA$/);
    expect(
      screen.getByText(
        /^Il certificato di firma scade il \d\d\/\d\d\/\d{4}\. Puoi rinnovarlo online fino al giorno prima\.$/,
      ),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Rinnova ora' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Rinnovo dei certificati' })).toBeTruthy();
    expect(screen.getByText('core message renewable')).toBeTruthy();
    await userEvent.click(
      screen.getByRole('button', { name: 'Apri il sito di rinnovo dell’ente certificatore' }),
    );
    expect(bridge.calls.find((c) => c.method === 'openExternal')?.request).toEqual({
      url: 'https://id.infocamere.it/infocamere/firma_digitale/rinnovo',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Inizio' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ricordamelo più tardi' }));
    expect(screen.queryByRole('button', { name: 'Rinnova ora' })).toBeNull();
    expect(bridge.calls.find((c) => c.method === 'snoozeReminder')?.request).toEqual({ days: 7 });
  });

  it('"check again" re-reads the card and confirms the new expiry', async () => {
    const bridge = await renderApp(withSig(renewal('renewable', 30), 30), { route: 'renewal' });
    bridge.set('listTokens', () => ({
      module: null,
      tokens: [
        token({ certificates: [cert('signature', { daysLeft: 1125, renewal: renewal('valid', 1125) })] }),
      ],
    }));
    await userEvent.click(screen.getByRole('button', { name: 'Ho rinnovato — controlla di nuovo' }));
    expect(await screen.findByText(/^Rinnovo riuscito: il certificato ora scade il/)).toBeTruthy();
    expect(bridge.calls.filter((c) => c.method === 'listTokens').at(-1)?.request).toEqual({ refresh: true });
  });

  it('"check again" answers beside the button when nothing changed yet', async () => {
    await renderApp(withSig(renewal('renewable', 30), 30), { route: 'renewal' });
    const button = screen.getByRole('button', { name: 'Ho rinnovato — controlla di nuovo' });
    await userEvent.click(button);
    const answer = await screen.findByText(
      /^Nessun cambiamento per ora: sulla carta il certificato scade ancora il \d\d\/\d\d\/\d{4}\./,
    );
    // in the same step as the button, not at the top of the screen
    expect(answer.closest('section')).toBe(button.closest('section'));
  });

  it('the banner names the device; a reminder about another card is not a banner while a card is selected', async () => {
    await renderApp({
      ...withSig(renewal('valid', 900), 900),
      renewalStatus: bianchiReminder,
    });
    expect(screen.queryByRole('button', { name: 'Rinnova ora' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Certificati' }));
    expect(screen.getByText(/^Certificato di firma di BIANCHI LUCA: scade il/)).toBeTruthy();
  });

  it('for an expired certificate explains that a new device is needed', async () => {
    await renderApp(withSig(renewal('expired', -3), -3));
    expect(screen.getByText(/serve un nuovo dispositivo dalla Camera di Commercio/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Revoca' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Che cosa devo fare?' }));
    expect(screen.getByRole('heading', { name: 'Serve un nuovo dispositivo' })).toBeTruthy();
  });

  it('reminds with the card out: banner from the remembered certificate, wizard points to that card', async () => {
    await renderApp({
      renewalStatus: bianchiReminder,
    });
    expect(screen.getByText('Nessuna carta inserita', { selector: 'span' })).toBeTruthy();
    // no card selected: the banner says whose card it is about
    expect(screen.getByText('Carta di BIANCHI LUCA (non inserita)')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Rinnova ora' }));
    expect(
      screen.getByText(
        /^Certificato di firma di BIANCHI LUCA: scade il .* Inserisci quella carta per rinnovarlo\.$/,
      ),
    ).toBeTruthy();
  });

  it('shows no banner when reminders are off, nor for valid certificates', async () => {
    await renderApp({
      ...withSig(renewal('renewable', 58), 58),
      renewalStatus: () => ({ enabled: false, snoozedUntil: null, pending: [], remembered: 1 }),
    });
    expect(screen.queryByRole('button', { name: 'Rinnova ora' })).toBeNull();
    cleanup();
    await renderApp(withSig(renewal('valid', 400), 400));
    expect(screen.queryByRole('button', { name: 'Rinnova ora' })).toBeNull();
  });
});

describe('settings', () => {
  it('switches the language and the theme', async () => {
    let current = { ...SETTINGS };
    const bridge = await renderApp(
      {
        getSettings: () => current,
        setSettings: (patch: Partial<typeof SETTINGS>) => (current = { ...current, ...patch }),
      },
      { route: 'settings' },
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tema' }), 'dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Lingua' }), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(bridge.calls.filter((c) => c.method === 'setSettings').map((c) => c.request)).toEqual([
      { theme: 'dark' },
      { language: 'en' },
    ]);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Remind me before my certificates expire' }));
    expect(bridge.calls.find((c) => c.method === 'setReminders')?.request).toEqual({ enabled: false });
  });
});

describe('i18n resources', () => {
  function flat(o: object, prefix = ''): Record<string, string> {
    return Object.entries(o).reduce<Record<string, string>>((acc, [k, v]) => {
      if (typeof v === 'string') acc[prefix + k] = v;
      else Object.assign(acc, flat(v as object, `${prefix}${k}.`));
      return acc;
    }, {});
  }
  const itFlat = flat(itRes);
  const enFlat = flat(enRes);

  it('have the same keys, no empty text and the same placeholders in both languages', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(itFlat).sort());
    for (const [key, text] of Object.entries(itFlat)) {
      expect(text.trim(), key).not.toBe('');
      const ph = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(ph(enFlat[key] as string), key).toEqual(ph(text));
    }
  });
});
