/** Picks the message language: SIGILLO_LANG, then LC_ALL / LC_MESSAGES / LANG; Italian unless English is asked. */
export type Lang = 'it' | 'en';

export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const raw = env.SIGILLO_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^en/i.test(raw)) return 'en';
  if (/^it/i.test(raw)) return 'it';
  return raw === '' || raw === 'C' || raw === 'POSIX' ? 'en' : 'it';
}
