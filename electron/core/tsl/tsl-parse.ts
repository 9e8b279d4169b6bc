/** Parses a (signature-verified) ETSI TS 119 612 trusted list or list of trusted lists into TrustedList. */
import { childElements, childPath, firstChild, malformedXml, parseXmlSafe, textOf } from './xml-safe';
import { NS } from './tsl-namespaces';
import { digitalIdentity, isoDate, parseProviders, preferredName } from './tsl-service-parse';
import type { OtherTslPointer, TrustedList } from './tsl-types';

/** The AdditionalInformation/OtherInformation values of a pointer (TSLType, SchemeTerritory, MimeType). */
function pointerInfo(pointer: Element): { territory: string; mimeType: string; tslType: string } {
  const out = { territory: '', mimeType: '', tslType: '' };
  const add = firstChild(pointer, NS.tsl, 'AdditionalInformation');
  for (const other of add ? childElements(add, NS.tsl, 'OtherInformation') : []) {
    out.territory ||= textOf(firstChild(other, NS.tsl, 'SchemeTerritory'));
    out.tslType ||= textOf(firstChild(other, NS.tsl, 'TSLType'));
    out.mimeType ||= textOf(firstChild(other, NS.tslx, 'MimeType'));
  }
  return out;
}

function parsePointers(scheme: Element): OtherTslPointer[] {
  const list = firstChild(scheme, NS.tsl, 'PointersToOtherTSL');
  return (list ? childElements(list, NS.tsl, 'OtherTSLPointer') : []).map((p) => {
    const sdis = childElements(
      firstChild(p, NS.tsl, 'ServiceDigitalIdentities') ?? p,
      NS.tsl,
      'ServiceDigitalIdentity',
    );
    return {
      location: textOf(firstChild(p, NS.tsl, 'TSLLocation')),
      ...pointerInfo(p),
      certificates: digitalIdentity(sdis).certificates,
    };
  });
}

/** Reads the trusted list of a parsed document. */
export function trustedListFromDocument(doc: Document): TrustedList {
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== NS.tsl || root.localName !== 'TrustServiceStatusList') {
    throw malformedXml('not an ETSI TS 119 612 TrustServiceStatusList');
  }
  const scheme = firstChild(root, NS.tsl, 'SchemeInformation');
  if (!scheme) throw malformedXml('SchemeInformation missing');
  const seqText = textOf(firstChild(scheme, NS.tsl, 'TSLSequenceNumber'));
  const sequenceNumber = Number(seqText);
  if (!Number.isSafeInteger(sequenceNumber) || sequenceNumber < 1) {
    throw malformedXml(`bad TSLSequenceNumber "${seqText.slice(0, 20)}"`);
  }
  const territory = textOf(firstChild(scheme, NS.tsl, 'SchemeTerritory'));
  if (!territory) throw malformedXml('SchemeTerritory missing');
  const next = childPath(scheme, NS.tsl, 'NextUpdate', 'dateTime');
  return {
    territory,
    sequenceNumber,
    tslType: textOf(firstChild(scheme, NS.tsl, 'TSLType')),
    operatorName: preferredName(firstChild(scheme, NS.tsl, 'SchemeOperatorName')),
    schemeInformationUris: childElements(
      firstChild(scheme, NS.tsl, 'SchemeInformationURI') ?? scheme,
      NS.tsl,
      'URI',
    )
      .map((u) => textOf(u))
      .filter(Boolean),
    issueDate: isoDate(firstChild(scheme, NS.tsl, 'ListIssueDateTime'), 'ListIssueDateTime'),
    nextUpdate: next ? isoDate(next, 'NextUpdate') : null,
    pointers: parsePointers(scheme),
    services: parseProviders(root),
  };
}

export function parseTrustedList(xml: string): TrustedList {
  return trustedListFromDocument(parseXmlSafe(xml));
}
