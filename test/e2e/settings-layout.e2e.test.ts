/// <reference lib="dom" />
/**
 * Settings at 900×600 (the smallest supported window) and 1100×750, Italian and English, light and dark: every
 * drop-down shows its chosen value whole — "Formato predefinito" with "Automatico (PAdES per i PDF, CAdES per gli
 * altri file)" clipped at 900×600 before. The text is measured with the select's own font (canvas measureText)
 * against the select's inner width minus its padding and arrow. Screenshots:
 * test-output/screenshots/{it,en}-settings-format-{light,dark}-900.png.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeUiStore } from './demo-store';
import { startUi, type UiSession } from './ui-harness';
import { shot } from './ui-files';

const fx = inject('fixture');
const POLL = { timeout: 20_000, interval: 100 };
let ui: UiSession;
let page: Page;

const WORDS = {
  it: { settings: 'Impostazioni', lang: 'Lingua', theme: 'Tema', format: 'Formato predefinito' },
  en: { settings: 'Settings', lang: 'Language', theme: 'Theme', format: 'Default format' },
} as const;

/** the selects of the page whose chosen text does not fit inside them: label → [text width, room] */
function clippedSelects(p: Page): Promise<Record<string, [number, number]>> {
  return p.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    const out: Record<string, [number, number]> = {};
    for (const s of Array.from(document.querySelectorAll<HTMLSelectElement>('main select'))) {
      const css = getComputedStyle(s);
      ctx.font = `${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
      const text = s.selectedOptions[0]?.text ?? '';
      const width = ctx.measureText(text).width;
      // the native arrow takes about 20 px at the right
      const room = s.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight) - 20;
      const label =
        s.closest('label')?.querySelector('.label')?.textContent ?? s.getAttribute('aria-label') ?? '?';
      if (width > room) out[label] = [Math.round(width), Math.round(room)];
    }
    return out;
  });
}

beforeAll(async () => {
  const root = mkdtempSync(join(fx.root, 'settings-e2e-'));
  ui = await startUi({ root, softhsmConf: makeUiStore(root, fx.pki, false), module: fx.module });
  page = ui.page;
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

describe('Settings layout', () => {
  it('every drop-down shows its value whole at 900×600 and 1100×750, it/en, light/dark', async () => {
    let current: 'it' | 'en' = 'it';
    for (const lang of ['it', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width: 900, height: 600 });
        await page
          .getByRole('navigation')
          .getByRole('button', { name: WORDS[current].settings, exact: true })
          .click();
        await page.getByRole('combobox', { name: WORDS[current].lang }).selectOption(lang);
        current = lang;
        await page.getByRole('combobox', { name: WORDS[lang].theme }).selectOption(theme);
        await expect
          .poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL)
          .toBe(theme);
        const format = page.getByRole('combobox', { name: WORDS[lang].format });
        expect(await format.inputValue()).toBe('auto');
        expect(await clippedSelects(page)).toEqual({});
        await format.scrollIntoViewIfNeeded();
        await shot(page, lang, `settings-format-${theme}-900`);
        await page.setViewportSize({ width: 1100, height: 750 });
        expect(await clippedSelects(page)).toEqual({});
      }
    }
    expect(ui.pageErrors).toEqual([]);
  });
});
