/**
 * Reading the secrets of `sigillo pin change|unblock`: current PIN / PUK and the new PIN from environment variables,
 * else no-echo prompts (the new PIN twice, they must match). Buffers only; the caller zeroes them.
 */
import { timingSafeEqual } from 'node:crypto';
import { SigilloError } from '../core/errors';
import { t } from '../core/i18n/translate';
import { readSecret } from './secret-input';

export const PIN_ENV = 'SIGILLO_PIN';
export const NEW_PIN_ENV = 'SIGILLO_NEW_PIN';
export const PUK_ENV = 'SIGILLO_PUK';

export function zero(...buffers: Array<Buffer | undefined>): void {
  for (const b of buffers) b?.fill(0);
}

export function readCurrentPin(env: NodeJS.ProcessEnv): Promise<Buffer> {
  return readSecret(
    env,
    PIN_ENV,
    t({ it: 'PIN attuale: ', en: 'Current PIN: ' }),
    t({ it: 'il PIN attuale', en: 'the current PIN' }),
  );
}

export function readPuk(env: NodeJS.ProcessEnv): Promise<Buffer> {
  return readSecret(env, PUK_ENV, 'PUK: ', t({ it: 'il PUK', en: 'the PUK' }));
}

/** The new PIN: from SIGILLO_NEW_PIN, else asked twice (PIN_MISMATCH when the two differ). */
export async function readNewPin(env: NodeJS.ProcessEnv): Promise<Buffer> {
  const what = t({ it: 'il nuovo PIN', en: 'the new PIN' });
  const first = await readSecret(env, NEW_PIN_ENV, t({ it: 'Nuovo PIN: ', en: 'New PIN: ' }), what);
  if (env[NEW_PIN_ENV]) return first;
  let again: Buffer | undefined;
  try {
    again = await readSecret(
      {},
      NEW_PIN_ENV,
      t({ it: 'Ripetere il nuovo PIN: ', en: 'Repeat the new PIN: ' }),
      what,
    );
    if (again.length !== first.length || !timingSafeEqual(again, first)) {
      throw new SigilloError(
        'PIN_MISMATCH',
        t({ it: 'I due nuovi PIN non coincidono.', en: 'The two new PINs do not match.' }),
      );
    }
    return first;
  } catch (e) {
    zero(first);
    throw e;
  } finally {
    zero(again);
  }
}
