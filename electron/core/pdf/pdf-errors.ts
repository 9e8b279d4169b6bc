/** The errors the PDF layer raises, with bilingual messages. */
import type { PdfMessageKey } from '../i18n/messages/pdf';
import { SigilloError, failure, failureOf } from '../errors';

export function pdfBroken(detail: string): SigilloError {
  return failure('PDF_BROKEN', { detail });
}

export function pdfEncrypted(): SigilloError {
  return failure('PDF_ENCRYPTED');
}

export function notAPdf(): SigilloError {
  return failure('PDF_BROKEN:header', undefined, {
    detail: 'no %PDF header',
  });
}

function limitError(key: PdfMessageKey, detail: string): SigilloError {
  return failureOf(key, { detail });
}

/** a stream decodes to more than a stream (or the whole file) may: a decompression bomb */
export function pdfInflateLimit(detail: string): SigilloError {
  return limitError('PDF_INFLATE_LIMIT', detail);
}

/** the cross-reference data declares more entries than the file can hold */
export function pdfXrefTooLarge(detail: string): SigilloError {
  return limitError('PDF_XREF_TOO_LARGE', detail);
}

/** the /Prev chain of cross-reference sections loops or is longer than any real file's */
export function pdfXrefLoop(detail: string): SigilloError {
  return limitError('PDF_XREF_LOOP', detail);
}

/** an object (stream) that needs itself to be read: an object stream inside one, a /Length or reference loop */
export function pdfObjectLoop(detail: string): SigilloError {
  return limitError('PDF_OBJECT_LOOP', detail);
}

/** one object is larger than any real PDF object (window, string or value count) */
export function pdfObjectTooLarge(detail: string): SigilloError {
  return limitError('PDF_OBJECT_TOO_LARGE', detail);
}

/** arrays or dictionaries nested deeper than any real PDF's */
export function pdfNestingTooDeep(detail: string): SigilloError {
  return limitError('PDF_NESTING_TOO_DEEP', detail);
}

/** a signature's /Contents larger than any real CMS signature */
export function pdfContentsTooLarge(detail: string): SigilloError {
  return limitError('PDF_CONTENTS_TOO_LARGE', detail);
}
