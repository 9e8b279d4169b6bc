/** Error messages of electron/core/xml/ (see ../catalogue.ts). */
import type { CodeOf } from '../catalogue';
import type { Message } from '../translate';

export const XML_MESSAGES = {
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
  'XML_TOO_COMPLEX:namespaces': {
    it: 'Canonicalizzare questo documento XML richiederebbe troppo lavoro (moltissimi nodi rielaborati da molti riferimenti, o moltissime dichiarazioni di namespace in vigore su moltissimi elementi): rifiutato.',
    en: 'Canonicalising this XML document would take too much work (a great many nodes processed again by many references, or a great many namespace declarations in scope over a great many elements): refused.',
  },
  'XML_TOO_COMPLEX:files': {
    it: 'Verificare queste firme richiederebbe di leggere e calcolare l’impronta di oltre {n} MiB di file referenziati: rifiutato.',
    en: 'Verifying these signatures would read and digest more than {n} MiB of referenced files: refused.',
  },
  'XML_TOO_COMPLEX:manifest': {
    it: 'Un manifest ASiC elenca {found} file (DataObjectReference), oltre il massimo di {n}: rifiutato.',
    en: 'An ASiC manifest lists {found} files (DataObjectReference), over the maximum of {n}: refused.',
  },
  'XML_TOO_COMPLEX:references': {
    it: 'Una firma del documento XML ha {found} riferimenti (ds:Reference), oltre il massimo di {n}: rifiutato.',
    en: 'A signature of the XML document has {found} references (ds:Reference), over the maximum of {n}: refused.',
  },
  XML_MALFORMED: {
    it: 'Il documento XML non è leggibile: {reason}',
    en: 'The XML document cannot be read: {reason}',
  },
  XML_DOCTYPE_FORBIDDEN: {
    it: 'Il documento XML contiene una dichiarazione DOCTYPE (entità): rifiutato per sicurezza.',
    en: 'The XML document carries a DOCTYPE declaration (entities): refused for safety.',
  },
} as const satisfies Record<string, Message>;

export type XmlErrorCode = CodeOf<keyof typeof XML_MESSAGES>;
