/** The SigilloErrors of the CMS reader, with plain messages. */
import { SigilloError, failure } from '../errors';
import { t } from '../i18n/translate';

export const notCms = (reason: string): SigilloError => failure('NOT_CMS', undefined, { reason });

export const emptyInput = (): SigilloError => failure('NOT_CMS:empty', undefined, { reason: 'empty' });

export const truncated = (): SigilloError => failure('TRUNCATED');

export const malformed = (reason: string): SigilloError => failure('MALFORMED_CMS', { reason });

export const unsupported = (reason: string): SigilloError => failure('UNSUPPORTED_CMS', { reason });

export const tooLarge = (limit: number): SigilloError =>
  failure('CMS_TOO_LARGE', { mib: Math.round(limit / 1048576) });

/**
 * A damaged-structure or truncation error with the byte offset where reading stopped (of the decoded bytes, for
 * base64 input), so that the damage can be found; other errors are returned as they are.
 */
export function atOffset(e: unknown, offset: number): unknown {
  if (!(e instanceof SigilloError) || e.details.offset !== undefined) return e;
  if (e.code !== 'MALFORMED_CMS' && e.code !== 'TRUNCATED') return e;
  const message = t({ it: '{m} (byte {offset})', en: '{m} (byte {offset})' }, { m: e.message, offset });
  return new SigilloError(e.code, message, { ...e.details, offset });
}
