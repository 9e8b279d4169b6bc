/** Error messages of electron/core/xades/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const XADES_MESSAGES = {
  XML_NOT_SIGNED: {
    it: 'Il file XML non contiene firme (ds:Signature).',
    en: 'The XML file carries no signature (ds:Signature).',
  },
  XML_TOO_LARGE: {
    it: 'Il file XML è troppo grande (oltre {n} MiB).',
    en: 'The XML file is too large (over {n} MiB).',
  },
  XML_TOO_DEEP: {
    it: 'Il documento XML ha elementi annidati oltre {n} livelli: rifiutato.',
    en: 'The XML document nests elements deeper than {n} levels: refused.',
  },
  XML_TOO_MANY_NODES: {
    it: 'Il documento XML ha troppi elementi e attributi (oltre {n} nodi): rifiutato.',
    en: 'The XML document has too many elements and attributes (over {n} nodes): refused.',
  },
  XML_TOO_MANY_SIGNATURES: {
    it: 'Il documento XML contiene {found} firme (ds:Signature), oltre il massimo di {n}: rifiutato.',
    en: 'The XML document holds {found} signatures (ds:Signature), over the maximum of {n}: refused.',
  },
  XML_TOO_COMPLEX: {
    it: 'Verificare questo documento XML richiederebbe di elaborare oltre {n} MiB (riferimenti ripetuti al documento intero): rifiutato.',
    en: 'Verifying this XML document would process more than {n} MiB (repeated references to the whole document): refused.',
  },
  XML_MALFORMED: {
    it: 'Il documento XML non è leggibile: {reason}',
    en: 'The XML document cannot be read: {reason}',
  },
  XML_DOCTYPE_FORBIDDEN: {
    it: 'Il documento XML contiene una dichiarazione DOCTYPE (entità): rifiutato per sicurezza.',
    en: 'The XML document carries a DOCTYPE declaration (entities): refused for safety.',
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
