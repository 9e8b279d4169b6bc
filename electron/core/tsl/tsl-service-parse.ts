/** TSPService elements of a trusted list (ETSI TS 119 612 §5.5): identity, status history, extensions. */
import { childElements, childPath, descendants, firstChild, malformedXml, textOf } from './xml-safe';
import { NS } from './tsl-namespaces';
import type { ServiceIdentity, ServiceStatusEntry, TrustService } from './tsl-types';
import type { Qualification, QualificationCriteria } from '../trust/qualifications';

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

/** a policy identifier as a dotted OID (OIDAsURN "urn:oid:1.2.3" or the OID itself) */
function policyOid(text: string): string {
  return text.replace(/^urn:oid:/i, '');
}

/** an ecc:CriteriaList (TS 119 612 §5.5.9.2.2): key usage bits, policy sets, nested lists, others counted */
function criteriaOf(list: Element): QualificationCriteria {
  return {
    assert: list.getAttribute('assert') || 'all',
    keyUsage: childElements(list, NS.ecc, 'KeyUsage').map((ku) =>
      childElements(ku, NS.ecc, 'KeyUsageBit').map((b) => ({
        bit: b.getAttribute('name') ?? '',
        value: textOf(b) === 'true',
      })),
    ),
    policySets: childElements(list, NS.ecc, 'PolicySet').map((ps) =>
      childElements(ps, NS.ecc, 'PolicyIdentifier').map((pi) =>
        policyOid(textOf(firstChild(pi, NS.xades, 'Identifier'))),
      ),
    ),
    lists: childElements(list, NS.ecc, 'CriteriaList').map(criteriaOf),
    other: childElements(list, NS.ecc, 'OtherCriteriaList').length,
  };
}

/** each ecc:QualificationElement: its qualifiers and the criteria of the certificates they are for */
function qualificationOf(el: Element): Qualification {
  const qualifiers = descendants(el, NS.ecc, 'Qualifier')
    .map((q) => q.getAttribute('uri') ?? '')
    .filter((u) => u !== '');
  const list = firstChild(el, NS.ecc, 'CriteriaList');
  // no criteria list (schema-invalid): the certificates it is for are unknown
  const unknown: QualificationCriteria = { assert: 'all', keyUsage: [], policySets: [], lists: [], other: 1 };
  return { qualifiers, criteria: list ? criteriaOf(list) : unknown };
}

/** AdditionalServiceInformation URIs and ecc:Qualifier URIs (with their criteria) of ServiceInformationExtensions. */
function extensions(info: Element): { asi: string[]; qualifiers: string[]; qualifications: Qualification[] } {
  const asi: string[] = [];
  const qualifiers: string[] = [];
  const qualifications: Qualification[] = [];
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
    for (const q of descendants(e, NS.ecc, 'QualificationElement')) qualifications.push(qualificationOf(q));
  }
  return { asi, qualifiers, qualifications };
}

function statusEntry(info: Element, where: string): ServiceStatusEntry {
  const { asi, qualifiers, qualifications } = extensions(info);
  return {
    status: textOf(firstChild(info, NS.tsl, 'ServiceStatus')),
    start: isoDate(firstChild(info, NS.tsl, 'StatusStartingTime'), `${where} StatusStartingTime`),
    type: textOf(firstChild(info, NS.tsl, 'ServiceTypeIdentifier')),
    additionalServiceInfo: asi,
    qualifiers,
    qualifications,
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
