/** The errors the PDF layer raises, with bilingual messages. */
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';

export function pdfBroken(detail: string): SigilloError {
  return new SigilloError(
    'PDF_BROKEN',
    t(
      {
        it: 'Il PDF è danneggiato o non leggibile ({detail}).',
        en: 'The PDF is damaged or unreadable ({detail}).',
      },
      { detail },
    ),
    { detail },
  );
}

export function pdfEncrypted(): SigilloError {
  return new SigilloError(
    'PDF_ENCRYPTED',
    t({
      it: 'Il PDF è cifrato (protetto da password): toglierne la protezione prima di firmarlo o verificarlo.',
      en: 'The PDF is encrypted (password protected): remove the protection before signing or verifying it.',
    }),
  );
}

export function notAPdf(): SigilloError {
  return new SigilloError('PDF_BROKEN', t({ it: 'Il file non è un PDF.', en: 'The file is not a PDF.' }), {
    detail: 'no %PDF header',
  });
}

function limitError(code: string, msg: { it: string; en: string }, detail: string): SigilloError {
  return new SigilloError(code, t(msg, { detail }), { detail });
}

/** a stream decodes to more than a stream (or the whole file) may: a decompression bomb */
export function pdfInflateLimit(detail: string): SigilloError {
  return limitError(
    'PDF_INFLATE_LIMIT',
    {
      it: 'Il PDF contiene dati compressi che si espandono oltre il limite consentito ({detail}): file rifiutato.',
      en: 'The PDF holds compressed data that expands beyond the allowed limit ({detail}): file refused.',
    },
    detail,
  );
}

/** the cross-reference data declares more entries than the file can hold */
export function pdfXrefTooLarge(detail: string): SigilloError {
  return limitError(
    'PDF_XREF_TOO_LARGE',
    {
      it: 'La tabella dei riferimenti incrociati del PDF dichiara più oggetti di quanti il file ne possa contenere ({detail}).',
      en: 'The PDF cross-reference data declares more objects than the file can hold ({detail}).',
    },
    detail,
  );
}

/** the /Prev chain of cross-reference sections loops or is longer than any real file's */
export function pdfXrefLoop(detail: string): SigilloError {
  return limitError(
    'PDF_XREF_LOOP',
    {
      it: 'La catena delle revisioni del PDF (/Prev) è circolare o troppo lunga ({detail}).',
      en: 'The PDF revision chain (/Prev) loops or is too long ({detail}).',
    },
    detail,
  );
}

/** an object (stream) that needs itself to be read: an object stream inside one, a /Length or reference loop */
export function pdfObjectLoop(detail: string): SigilloError {
  return limitError(
    'PDF_OBJECT_LOOP',
    {
      it: 'Un oggetto del PDF rimanda a sé stesso ({detail}).',
      en: 'A PDF object refers to itself ({detail}).',
    },
    detail,
  );
}

/** one object is larger than any real PDF object (window, string or value count) */
export function pdfObjectTooLarge(detail: string): SigilloError {
  return limitError(
    'PDF_OBJECT_TOO_LARGE',
    {
      it: 'Un oggetto del PDF è più grande del limite consentito ({detail}).',
      en: 'A PDF object is larger than the allowed limit ({detail}).',
    },
    detail,
  );
}

/** arrays or dictionaries nested deeper than any real PDF's */
export function pdfNestingTooDeep(detail: string): SigilloError {
  return limitError(
    'PDF_NESTING_TOO_DEEP',
    {
      it: 'Il PDF contiene array o dizionari annidati oltre il limite consentito ({detail}).',
      en: 'The PDF holds arrays or dictionaries nested beyond the allowed limit ({detail}).',
    },
    detail,
  );
}

/** a signature's /Contents larger than any real CMS signature */
export function pdfContentsTooLarge(detail: string): SigilloError {
  return limitError(
    'PDF_CONTENTS_TOO_LARGE',
    {
      it: 'Il valore di una firma (/Contents) è più grande del limite consentito ({detail}).',
      en: 'A signature value (/Contents) is larger than the allowed limit ({detail}).',
    },
    detail,
  );
}
