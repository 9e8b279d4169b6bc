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
