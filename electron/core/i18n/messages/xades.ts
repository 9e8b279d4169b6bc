/** Error messages of electron/core/xades/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const XADES_MESSAGES = {
  XML_NOT_SIGNED: {
    it: 'Il file XML non contiene firme (ds:Signature).',
    en: 'The XML file carries no signature (ds:Signature).',
  },
  XML_UNSUPPORTED_LAYOUT: {
    it: 'Impossibile trovare la chiusura dell’elemento radice del documento XML.',
    en: 'Cannot find the end tag of the XML document root element.',
  },
  XML_ENCODING_UNSUPPORTED: {
    it: 'Documento XML in UTF-16: non supportato per la firma XAdES.',
    en: 'UTF-16 XML document: not supported for XAdES signing.',
  },
  XML_ALREADY_SIGNED: {
    it: 'Il documento XML è già firmato (ds:Signature presente): una seconda firma XAdES enveloped invaliderebbe la prima.',
    en: 'The XML document is already signed (ds:Signature present): a second enveloped XAdES signature would break the first.',
  },
  XADES_SELF_CHECK_FAILED: {
    it: 'La firma XAdES appena creata non si verifica: file non scritto.',
    en: 'The XAdES signature just made does not verify: file not written.',
  },
} as const satisfies Record<string, Message>;

export type XadesMessageKey = keyof typeof XADES_MESSAGES;
export type XadesErrorCode = CodeOf<keyof typeof XADES_MESSAGES>;
