/**
 * Recognises a FatturaPA invoice (root FatturaElettronica in the namespace
 * http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2[.x]) and reads its key data for the report:
 * sender (CedentePrestatore), customer (CessionarioCommittente), and per body the type, number, date and total.
 * The header/body elements are unqualified in the schema; a qualified variant is accepted as well.
 */
import type { FatturaPaDocument, FatturaPaParty, FatturaPaSummary } from './fatturapa-types';
import { childElements, decodeXml, parseXml } from '../xml/xml-safe';

const NS_PREFIX = 'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.';

function child(parent: Element | undefined, name: string): Element | undefined {
  return parent ? childElements(parent, '*', name)[0] : undefined;
}

function path(parent: Element | undefined, ...names: string[]): Element | undefined {
  let current = parent;
  for (const n of names) current = child(current, n);
  return current;
}

function text(el: Element | undefined): string | null {
  const v = (el?.textContent ?? '').trim();
  return v === '' ? null : v;
}

function party(anagraficiParent: Element | undefined): FatturaPaParty {
  const dati = child(anagraficiParent, 'DatiAnagrafici');
  const anagrafica = child(dati, 'Anagrafica');
  const id = child(dati, 'IdFiscaleIVA');
  const paese = text(child(id, 'IdPaese'));
  const codice = text(child(id, 'IdCodice'));
  const person = [text(child(anagrafica, 'Nome')), text(child(anagrafica, 'Cognome'))]
    .filter(Boolean)
    .join(' ');
  return {
    name: text(child(anagrafica, 'Denominazione')) ?? (person === '' ? null : person),
    vatNumber: codice ? `${paese ?? ''}${codice}` : null,
    codiceFiscale: text(child(dati, 'CodiceFiscale')),
  };
}

function document(body: Element): FatturaPaDocument {
  const g = path(body, 'DatiGenerali', 'DatiGeneraliDocumento');
  return {
    type: text(child(g, 'TipoDocumento')),
    number: text(child(g, 'Numero')),
    date: text(child(g, 'Data')),
    total: text(child(g, 'ImportoTotaleDocumento')),
    currency: text(child(g, 'Divisa')),
  };
}

/** The invoice summary when `doc`'s root is a FatturaPA invoice; undefined otherwise. */
export function fatturaPaSummary(doc: Document): FatturaPaSummary | undefined {
  const root = doc.documentElement;
  const ns = root?.namespaceURI ?? '';
  if (!root || root.localName !== 'FatturaElettronica' || !ns.startsWith(NS_PREFIX)) return undefined;
  const header = child(root, 'FatturaElettronicaHeader');
  return {
    transmissionFormat: text(path(header, 'DatiTrasmissione', 'FormatoTrasmissione')),
    schemaVersion: ns.slice(NS_PREFIX.length - 2),
    sender: party(child(header, 'CedentePrestatore')),
    customer: party(child(header, 'CessionarioCommittente')),
    documents: childElements(root, '*', 'FatturaElettronicaBody').map(document),
  };
}

/** Same, from bytes (the content of a .xml.p7m); undefined when they are not a readable invoice. */
export function fatturaPaFromBytes(bytes: Uint8Array): FatturaPaSummary | undefined {
  try {
    return fatturaPaSummary(parseXml(decodeXml(bytes)));
  } catch {
    return undefined;
  }
}
