/** Error messages of electron/core/pdf/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const PDF_MESSAGES = {
  SIGNATURE_NOT_FOUND: {
    it: 'La firma {n} non esiste (il PDF ne ha {count}).',
    en: 'Signature {n} does not exist (the PDF has {count}).',
  },
  'INTEGRITY_FAILED:pdf': {
    it: 'La firma non è integra: estrazione annullata.',
    en: 'The signature is not intact: extraction cancelled.',
  },
  PDF_BROKEN: {
    it: 'Il PDF è danneggiato o non leggibile ({detail}).',
    en: 'The PDF is damaged or unreadable ({detail}).',
  },
  PDF_ENCRYPTED: {
    it: 'Il PDF è cifrato (protetto da password): toglierne la protezione prima di firmarlo o verificarlo.',
    en: 'The PDF is encrypted (password protected): remove the protection before signing or verifying it.',
  },
  'PDF_BROKEN:header': {
    it: 'Il file non è un PDF.',
    en: 'The file is not a PDF.',
  },
  IMAGE_UNSUPPORTED: {
    it: 'Immagine PNG non valida o non supportata ({detail}).',
    en: 'Invalid or unsupported PNG image ({detail}).',
  },
  PDF_CERTIFIED_NO_CHANGES: {
    it: 'Il PDF è certificato senza modifiche consentite: una nuova firma invaliderebbe la certificazione.',
    en: 'The PDF is certified with no changes allowed: a new signature would break the certification.',
  },
  PDF_CERTIFIED_NO_NEW_VISIBLE: {
    it: 'Il PDF è certificato: una nuova firma visibile invaliderebbe la certificazione. Firma senza riquadro visibile, o in un campo firma già presente.',
    en: 'The PDF is certified: a new visible signature would break the certification. Sign without a visible box, or in an existing signature field.',
  },
  PDF_PAGE_OUT_OF_RANGE: {
    it: 'La pagina {page} non esiste (il documento ne ha {count}).',
    en: 'Page {page} does not exist (the document has {count}).',
  },
  NO_SIGNATURES: {
    it: 'Il PDF non contiene firme.',
    en: 'The PDF contains no signatures.',
  },
  'IMAGE_UNSUPPORTED:size': {
    it: 'Immagine troppo grande.',
    en: 'Image too large.',
  },
  IMAGE_UNREADABLE: {
    it: 'Impossibile leggere l’immagine {path}.',
    en: 'Cannot read the image {path}.',
  },
  BAD_VISIBLE_SPEC: {
    it: 'La posizione della firma visibile vuole PAGINA,X,Y,LARGHEZZA,ALTEZZA in punti PDF (es. 1,350,50,200,60), non «{spec}».',
    en: 'The visible signature position wants PAGE,X,Y,WIDTH,HEIGHT in PDF points (e.g. 1,350,50,200,60), not "{spec}".',
  },
  PDF_INFLATE_LIMIT: {
    it: 'Il PDF contiene dati compressi che si espandono oltre il limite consentito ({detail}): file rifiutato.',
    en: 'The PDF holds compressed data that expands beyond the allowed limit ({detail}): file refused.',
  },
  PDF_XREF_TOO_LARGE: {
    it: 'La tabella dei riferimenti incrociati del PDF dichiara più oggetti di quanti il file ne possa contenere ({detail}).',
    en: 'The PDF cross-reference data declares more objects than the file can hold ({detail}).',
  },
  PDF_XREF_LOOP: {
    it: 'La catena delle revisioni del PDF (/Prev) è circolare o troppo lunga ({detail}).',
    en: 'The PDF revision chain (/Prev) loops or is too long ({detail}).',
  },
  PDF_OBJECT_LOOP: {
    it: 'Un oggetto del PDF rimanda a sé stesso ({detail}).',
    en: 'A PDF object refers to itself ({detail}).',
  },
  PDF_OBJECT_TOO_LARGE: {
    it: 'Un oggetto del PDF è più grande del limite consentito ({detail}).',
    en: 'A PDF object is larger than the allowed limit ({detail}).',
  },
  PDF_NESTING_TOO_DEEP: {
    it: 'Il PDF contiene array o dizionari annidati oltre il limite consentito ({detail}).',
    en: 'The PDF holds arrays or dictionaries nested beyond the allowed limit ({detail}).',
  },
  PDF_CONTENTS_TOO_LARGE: {
    it: 'Il valore di una firma (/Contents) è più grande del limite consentito ({detail}).',
    en: 'A signature value (/Contents) is larger than the allowed limit ({detail}).',
  },
  PDF_FIELD_NOT_FOUND: {
    it: 'Campo firma «{field}» non trovato.',
    en: 'Signature field "{field}" not found.',
  },
  PDF_FIELD_NOT_SIGNATURE: {
    it: 'Il campo «{field}» non è un campo firma.',
    en: 'Field "{field}" is not a signature field.',
  },
  PDF_FIELD_ALREADY_SIGNED: {
    it: 'Il campo «{field}» è già firmato.',
    en: 'Field "{field}" is already signed.',
  },
  VISUAL_DIFF_TIMEOUT: {
    it: 'Il confronto visivo delle versioni ha superato il tempo massimo ({d}).',
    en: 'The visual comparison of the versions took longer than allowed ({d}).',
  },
  VISUAL_DIFF_TOO_LARGE: {
    it: 'Il confronto visivo delle versioni richiede troppa memoria ({d}).',
    en: 'The visual comparison of the versions needs too much memory ({d}).',
  },
  VISUAL_DIFF_UNREADABLE: {
    it: 'Il PDF non si può disegnare per il confronto visivo: {d}',
    en: 'The PDF cannot be drawn for the visual comparison: {d}',
  },
} as const satisfies Record<string, Message>;

export type PdfMessageKey = keyof typeof PDF_MESSAGES;
export type PdfErrorCode = CodeOf<keyof typeof PDF_MESSAGES>;
