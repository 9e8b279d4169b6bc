/**
 * Picks the message language from SIGILLO_LANG, else the first of LC_ALL / LC_MESSAGES / LANG that is set:
 * - an English locale (`en…`) → English;
 * - no locale at all (unset, empty, `C`, `C.UTF-8`, `POSIX`: a server, a CI runner) → English, the technical
 *   default;
 * - an Italian locale (`it…`) and any other language → Italian (Sigillo is made for Italian CNS holders; the
 *   desktop window follows the same rule through `osLanguage` in the renderer).
 */
export type Lang = 'it' | 'en';

export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const raw = env.SIGILLO_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^en/i.test(raw)) return 'en';
  if (raw === '' || raw === 'POSIX' || /^C(\.|$)/.test(raw)) return 'en';
  return 'it';
}
