/** The rules of the change analysis in words, Italian and English (kept in each reported item). */
import type { Message } from '../../i18n/translate';

const RULES: Record<string, Message> = {
  dss: { it: 'dati di validazione (DSS)', en: 'validation data (DSS)' },
  metadata: { it: 'metadati', en: 'metadata' },
  'catalog-version': { it: 'estensioni e versione del catalogo', en: 'catalog extensions and version' },
  catalog: { it: 'catalogo del documento', en: 'document catalog' },
  acroform: { it: 'modulo (AcroForm)', en: 'form (AcroForm)' },
  'form-fill': { it: 'compilazione dei moduli', en: 'form filling' },
  'form-field': { it: 'campi del modulo', en: 'form fields' },
  fieldmdp: { it: 'campi bloccati dalla firma (FieldMDP)', en: 'fields locked by the signature (FieldMDP)' },
  docmdp: { it: 'permessi della certificazione (DocMDP)', en: 'certification permissions (DocMDP)' },
  annotation: { it: 'annotazioni', en: 'annotations' },
  'signature-field': { it: 'firme successive', en: 'later signatures' },
  'signature-spoofing': { it: 'firma contraffatta', en: 'spoofed signature' },
  'signature-value': { it: 'firme esistenti', en: 'existing signatures' },
  'signed-field': { it: 'campi firma della versione firmata', en: 'signature fields of the signed version' },
  page: { it: 'pagine firmate', en: 'signed pages' },
  'page-content': { it: 'contenuto delle pagine', en: 'page content' },
  'page-tree': { it: 'elenco delle pagine', en: 'page list' },
  appearance: { it: 'aspetto di campi e annotazioni', en: 'appearance of fields and annotations' },
  list: { it: 'elenchi di annotazioni e campi', en: 'annotation and field lists' },
  relinked: { it: 'oggetti della versione firmata', en: 'objects of the signed version' },
  object: { it: 'oggetti della versione firmata', en: 'objects of the signed version' },
  deleted: { it: 'oggetti della versione firmata', en: 'objects of the signed version' },
  dangling: { it: 'riferimenti della versione firmata', en: 'references of the signed version' },
  encryption: { it: 'cifratura del documento', en: 'document encryption' },
  'xref-history': {
    it: 'storia dei riferimenti incrociati',
    en: 'cross-reference history',
  },
  bounds: { it: "limiti dell'analisi", en: 'analysis limits' },
};

/** the words for a rule id */
export function ruleWords(rule: string): Message {
  return RULES[rule] ?? { it: rule, en: rule };
}
