/** Cancelling a long file operation (AbortSignal): one error code, checked between chunks of work. */
import { SigilloError, failure } from '../errors';

export function cancelledError(): SigilloError {
  return failure('CANCELLED:short');
}

/** Throws CANCELLED when `signal` was aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
