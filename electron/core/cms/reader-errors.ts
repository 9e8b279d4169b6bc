/** The SigilloErrors of the CMS reader, with plain messages. */
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';

export const notCms = (reason: string): SigilloError =>
  new SigilloError(
    'NOT_CMS',
    t({
      it: 'Il file non è una firma digitale CMS/PKCS#7 (p7m) leggibile.',
      en: 'The file is not a readable CMS/PKCS#7 (p7m) digital signature.',
    }),
    { reason },
  );

export const emptyInput = (): SigilloError =>
  new SigilloError('NOT_CMS', t({ it: 'Il file è vuoto.', en: 'The file is empty.' }), { reason: 'empty' });

export const truncated = (): SigilloError =>
  new SigilloError(
    'TRUNCATED',
    t({
      it: 'Il file della firma è troncato (incompleto).',
      en: 'The signature file is truncated (incomplete).',
    }),
  );

export const malformed = (reason: string): SigilloError =>
  new SigilloError(
    'MALFORMED_CMS',
    t(
      {
        it: 'La struttura della firma è danneggiata ({reason}).',
        en: 'The signature structure is damaged ({reason}).',
      },
      { reason },
    ),
    { reason },
  );

export const unsupported = (reason: string): SigilloError =>
  new SigilloError(
    'UNSUPPORTED_CMS',
    t(
      {
        it: 'Tipo di file firmato non supportato ({reason}).',
        en: 'Unsupported kind of signed file ({reason}).',
      },
      { reason },
    ),
    { reason },
  );

export const tooLarge = (limit: number): SigilloError =>
  new SigilloError(
    'CMS_TOO_LARGE',
    t(
      {
        it: 'Le parti della firma (certificati, firmatari) superano il limite di {mib} MiB.',
        en: 'The signature parts (certificates, signers) exceed the {mib} MiB limit.',
      },
      { mib: Math.round(limit / 1048576) },
    ),
  );

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
