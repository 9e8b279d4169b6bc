/**
 * Recognises a FatturaPA invoice (root FatturaElettronica in the namespace
 * http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2[.x]) and reads its key data for the report:
 * sender (CedentePrestatore), customer (CessionarioCommittente), and per body the type, number, date and total.
 * The header/body elements and all below them are unqualified in the schema (elementFormDefault unqualified); a
 * variant with them in the invoice's own namespace (a default namespace on the root) is read as well, but only one
 * of the two: children are read in that one namespace, so a look-alike FatturaElettronicaHeader in another
 * namespace put before the real one is never taken for it, and an invoice mixing both forms is not summarised.
 */
import type { FatturaPaDocument, FatturaPaParty, FatturaPaSummary } from './fatturapa-types';
import { childElements, decodeXml, parseXml } from '../xml/xml-safe';

const NS_PREFIX = 'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.';

/** child elements named `name` in namespace `ns` ('' = none: xmldom leaves their namespaceURI undefined) */
function inNs(parent: Element, ns: string, name: string): Element[] {
  return childElements(parent, '*', name).filter((e) => (e.namespaceURI ?? '') === ns);
}

/** the namespace the invoice's elements are read in: none (the schema's), or the root's; undefined when both */
function elementNamespace(root: Element): string | undefined {
  const own = root.namespaceURI ?? '';
  const count = (ns: string): number =>
    inNs(root, ns, 'FatturaElettronicaHeader').length + inNs(root, ns, 'FatturaElettronicaBody').length;
  const plain = count('');
  const qualified = count(own);
  if (plain > 0 && qualified > 0) return undefined;
  return qualified > 0 ? own : '';
}

/** the first child named `name`, in the namespace the invoice is read in */
type Child = (parent: Element | undefined, name: string) => Element | undefined;

function childIn(ns: string): Child {
  return (parent, name) => (parent ? inNs(parent, ns, name)[0] : undefined);
}

function path(child: Child, parent: Element | undefined, ...names: string[]): Element | undefined {
  let current = parent;
  for (const n of names) current = child(current, n);
  return current;
}

function text(el: Element | undefined): string | null {
  const v = (el?.textContent ?? '').trim();
  return v === '' ? null : v;
}

function party(child: Child, anagraficiParent: Element | undefined): FatturaPaParty {
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

function document(child: Child, body: Element): FatturaPaDocument {
  const g = path(child, body, 'DatiGenerali', 'DatiGeneraliDocumento');
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
  const read = elementNamespace(root);
  if (read === undefined) return undefined;
  const child = childIn(read);
  const header = child(root, 'FatturaElettronicaHeader');
  return {
    transmissionFormat: text(path(child, header, 'DatiTrasmissione', 'FormatoTrasmissione')),
    schemaVersion: ns.slice(NS_PREFIX.length - 2),
    sender: party(child, child(header, 'CedentePrestatore')),
    customer: party(child, child(header, 'CessionarioCommittente')),
    documents: inNs(root, read, 'FatturaElettronicaBody').map((b) => document(child, b)),
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
