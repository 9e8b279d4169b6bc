/** Cancelling a long file operation (AbortSignal): one error code, checked between chunks of work. */
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';

export function cancelledError(): SigilloError {
  return new SigilloError('CANCELLED', t({ it: 'Annullato.', en: 'Cancelled.' }));
}

/** Throws CANCELLED when `signal` was aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
