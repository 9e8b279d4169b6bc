/**
 * Loads a core module that another team member may not have landed yet. A missing module becomes a clear
 * NOT_AVAILABLE error instead of a crash (the handler reports it; the rest of the app keeps working).
 */
import { join } from 'node:path';
import { SigilloError } from '../core/errors';
import { t } from '../core/i18n/translate';

export function notAvailable(what: string): SigilloError {
  return new SigilloError(
    'NOT_AVAILABLE',
    t({ it: 'Funzione non ancora disponibile: {what}.', en: 'Feature not available yet: {what}.' }, { what }),
  );
}

export function loadCore<T>(relative: string, what: string, exportName: string): T {
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(join(__dirname, '..', 'core', relative)) as Record<string, unknown>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw notAvailable(what);
    throw e;
  }
  const value = mod[exportName];
  if (value === undefined) throw notAvailable(what);
  return value as T;
}
