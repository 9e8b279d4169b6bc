/** The error for a feature this host cannot offer (e.g. native dialogs in the browser harness). */
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';

export function notAvailable(what: string): SigilloError {
  return new SigilloError(
    'NOT_AVAILABLE',
    t({ it: 'Funzione non disponibile: {what}.', en: 'Feature not available: {what}.' }, { what }),
  );
}
