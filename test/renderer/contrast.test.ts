/** WCAG AA: every text/background pair of the theme (light and dark) has a contrast ratio of at least 4.5:1. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(__dirname, '..', '..', 'renderer', 'src', 'styles', 'theme.css'), 'utf8');

/** The body of the first block whose selector matches. */
function block(selector: string): string {
  const at = css.indexOf(selector);
  return css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
}

/** The colours of one scheme: every `--name: light-dark(#light, #dark)` of the :root block. */
function palette(scheme: 'light' | 'dark'): Record<string, string> {
  const pairs = [
    ...block(':root {').matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi),
  ];
  return Object.fromEntries(pairs.map((m) => [m[1], scheme === 'light' ? m[2] : m[3]]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const PAIRS: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-2'],
  ['text-muted', 'surface'],
  ['text-muted', 'bg'],
  ['text-muted', 'surface-2'],
  ['accent', 'surface'],
  ['accent', 'accent-soft'],
  ['accent-text', 'accent'],
  ['ok', 'ok-bg'],
  ['warn', 'warn-bg'],
  ['bad', 'bad-bg'],
  ['bad', 'surface'],
  ['text', 'accent-soft'],
];

describe('theme contrast (WCAG AA)', () => {
  for (const name of ['light', 'dark'] as const) {
    it(`${name} theme: every text colour on its background is at least 4.5:1`, () => {
      const p = palette(name);
      for (const [fg, bg] of PAIRS) {
        expect(p[fg], `${name} --${fg}`).toMatch(/^#/);
        expect(p[bg], `${name} --${bg}`).toMatch(/^#/);
        expect(
          contrast(p[fg] as string, p[bg] as string),
          `${name}: --${fg} on --${bg}`,
        ).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
  it('the dark theme from the OS and from the setting only switch color-scheme to dark', () => {
    expect(block(':root {')).toMatch(/color-scheme:\s*light;/);
    for (const selector of [":root:not([data-theme='light'])", ":root[data-theme='dark']"]) {
      expect(block(selector).trim(), selector).toBe('color-scheme: dark;');
    }
  });
  it('the contrast formula matches known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
