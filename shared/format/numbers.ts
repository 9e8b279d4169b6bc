/** Amounts and sizes in the user's language: 122,00 € / €122.00, 1,5 MB / 1.5 MB. Plain Intl, no Node. */

function locale(lang: string | undefined): string {
  return lang?.startsWith('en') ? 'en-GB' : 'it-IT';
}

/** Intl uses no-break spaces; text files and PDFs read better (and search better) with plain ones. */
function plainSpaces(s: string): string {
  return s.replace(/[\u00a0\u202f]/g, ' ');
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * An amount with its currency (ISO 4217 code, EUR when not given): formatAmount(122, 'it') → "122,00 €".
 * A value that is not a plain decimal (as a FatturaPA field may be) is shown as given, with the code.
 */
export function formatAmount(value: number | string, lang?: string, currency = 'EUR'): string {
  const text = String(value).trim();
  const code = /^[A-Z]{3}$/.test(currency) ? currency : null;
  if (!DECIMAL.test(text) || !code) return [text, currency].filter(Boolean).join(' ');
  const f = new Intl.NumberFormat(locale(lang), { style: 'currency', currency: code });
  return plainSpaces(f.format(Number(text)));
}

/** A number in the user's language, at most `maxFractionDigits` decimals (thousands grouped as Intl does). */
export function formatNumber(value: number, lang?: string, maxFractionDigits = 0): string {
  return plainSpaces(
    new Intl.NumberFormat(locale(lang), { maximumFractionDigits: maxFractionDigits }).format(value),
  );
}

/** Bytes in binary units as people read them: 512 B, 1,5 MB (one decimal under 100). */
export function formatBytes(n: number, lang?: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u === 0 || v >= 100 ? 0 : 1;
  return `${formatNumber(v, lang, digits)} ${units[u]}`;
}
