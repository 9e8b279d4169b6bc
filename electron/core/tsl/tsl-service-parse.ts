/** TSPService elements of a trusted list (ETSI TS 119 612 §5.5): identity, status history, extensions. */
import { childElements, childPath, descendants, firstChild, malformedXml, textOf } from './xml-safe';
import { NS } from './tsl-namespaces';
import type { ServiceIdentity, ServiceStatusEntry, TrustService } from './tsl-types';

/** An xsd:dateTime as ISO; TSL_MALFORMED when unreadable. */
export function isoDate(el: Element | undefined, what: string): string {
  const text = textOf(el);
  const d = new Date(text);
  if (!text || Number.isNaN(d.getTime())) throw malformedXml(`${what}: bad date "${text.slice(0, 40)}"`);
  return d.toISOString();
}

/** The first Name of a multilingual name list, English preferred. */
export function preferredName(list: Element | undefined): string {
  const names = list ? childElements(list, NS.tsl, 'Name') : [];
  const en = names.find((n) => n.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') === 'en');
  return textOf(en ?? names[0]);
}

function compactBase64(text: string): string {
  return Buffer.from(text, 'base64').toString('base64');
}

/** DigitalId values of a ServiceDigitalIdentity (or of several, for pointers with more than one). */
export function digitalIdentity(parents: Element[]): ServiceIdentity {
  const identity: ServiceIdentity = { certificates: [], subjectNames: [], skis: [] };
  for (const parent of parents) {
    for (const id of childElements(parent, NS.tsl, 'DigitalId')) {
      for (const c of childElements(id, NS.tsl, 'X509Certificate')) {
        identity.certificates.push(compactBase64(textOf(c)));
      }
      for (const s of childElements(id, NS.tsl, 'X509SubjectName')) identity.subjectNames.push(textOf(s));
      for (const k of childElements(id, NS.tsl, 'X509SKI')) identity.skis.push(compactBase64(textOf(k)));
    }
  }
  return identity;
}

/** AdditionalServiceInformation URIs and ecc:Qualifier URIs of ServiceInformationExtensions. */
function extensions(info: Element): { asi: string[]; qualifiers: string[] } {
  const asi: string[] = [];
  const qualifiers: string[] = [];
  const ext = firstChild(info, NS.tsl, 'ServiceInformationExtensions');
  for (const e of ext ? childElements(ext, NS.tsl, 'Extension') : []) {
    for (const a of childElements(e, NS.tsl, 'AdditionalServiceInformation')) {
      const uri = textOf(firstChild(a, NS.tsl, 'URI'));
      if (uri) asi.push(uri);
    }
    for (const q of descendants(e, NS.ecc, 'Qualifier')) {
      const uri = q.getAttribute('uri');
      if (uri && !qualifiers.includes(uri)) qualifiers.push(uri);
    }
  }
  return { asi, qualifiers };
}

function statusEntry(info: Element, where: string): ServiceStatusEntry {
  const { asi, qualifiers } = extensions(info);
  return {
    status: textOf(firstChild(info, NS.tsl, 'ServiceStatus')),
    start: isoDate(firstChild(info, NS.tsl, 'StatusStartingTime'), `${where} StatusStartingTime`),
    type: textOf(firstChild(info, NS.tsl, 'ServiceTypeIdentifier')),
    additionalServiceInfo: asi,
    qualifiers,
  };
}

export function parseService(svc: Element, tspName: string): TrustService {
  const info = firstChild(svc, NS.tsl, 'ServiceInformation');
  if (!info) throw malformedXml(`TSPService of ${tspName} without ServiceInformation`);
  const name = preferredName(firstChild(info, NS.tsl, 'ServiceName'));
  const history = [statusEntry(info, name)];
  const hist = firstChild(svc, NS.tsl, 'ServiceHistory');
  for (const h of hist ? childElements(hist, NS.tsl, 'ServiceHistoryInstance') : []) {
    history.push(statusEntry(h, name));
  }
  history.sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return {
    tspName,
    name,
    identity: digitalIdentity(childElements(info, NS.tsl, 'ServiceDigitalIdentity')),
    history,
  };
}

export function parseProviders(root: Element): TrustService[] {
  const services: TrustService[] = [];
  const list = firstChild(root, NS.tsl, 'TrustServiceProviderList');
  for (const tsp of list ? childElements(list, NS.tsl, 'TrustServiceProvider') : []) {
    const tspName = preferredName(childPath(tsp, NS.tsl, 'TSPInformation', 'TSPName'));
    for (const svc of childElements(childPath(tsp, NS.tsl, 'TSPServices') ?? tsp, NS.tsl, 'TSPService')) {
      services.push(parseService(svc, tspName));
    }
  }
  return services;
}
