/** Where and how to reach the TSA (kept apart from the client so that reading options loads no CMS code). */
import { tsaError } from './tsa-errors';
import type { TsaCredentials, TsaHttpOptions } from './tsa-http';

export interface TsaConfig {
  url: string;
  credentials?: TsaCredentials;
  /** timeouts and size cap (tests shorten them) */
  http?: Omit<TsaHttpOptions, 'credentials'>;
}

/**
 * The TSA to use: `--tsa URL` else SIGILLO_TSA_URL; HTTP Basic credentials only from SIGILLO_TSA_USER /
 * SIGILLO_TSA_PASSWORD (or the caller's settings), never from argv.
 */
export function tsaConfigFrom(url: string | undefined, env: NodeJS.ProcessEnv): TsaConfig {
  const chosen = url ?? env.SIGILLO_TSA_URL;
  if (!chosen) throw tsaError('TSA_URL_MISSING');
  parseTsaUrl(chosen);
  const user = env.SIGILLO_TSA_USER;
  return {
    url: chosen,
    ...(user ? { credentials: { user, password: env.SIGILLO_TSA_PASSWORD ?? '' } } : {}),
  };
}

/** The TSA URL if it is http(s) without credentials in it, else TSA_URL_INVALID (checked when options are read). */
export function parseTsaUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw tsaError('TSA_URL_INVALID', { url });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw tsaError('TSA_URL_INVALID', { url });
  if (u.username || u.password) throw tsaError('TSA_URL_INVALID', { url: `${u.protocol}//${u.host}` });
  return u;
}
