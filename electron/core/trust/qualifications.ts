/**
 * The qualifications of a trusted-list CA/QC service (ETSI TS 119 612 §5.5.9.2): qualifiers (QCStatement,
 * NotQualified, QCForESig…), each for the certificates its criteria list selects, and which of them apply to a
 * certificate. Criteria Sigillo does not read (OtherCriteriaList) leave the match unknown: a qualifier that
 * makes a certificate qualified then does not apply, one that takes it away does (the safe side of each).
 */

export interface QualificationCriteria {
  /** all | atLeastOne | none (the CriteriaList's assert attribute) */
  assert: string;
  /** KeyUsage criteria: each a set of key usage bits that must all have the given value */
  keyUsage: { bit: string; value: boolean }[][];
  /** PolicySet criteria: each a set of policy OIDs the certificate must all carry */
  policySets: string[][];
  /** nested CriteriaList elements */
  lists: QualificationCriteria[];
  /** how many criteria are not read (OtherCriteriaList: ExtendedKeyUsage, CertSubjectDNAttribute…) */
  other: number;
}

export interface Qualification {
  /** ecc:Qualifier URIs */
  qualifiers: string[];
  criteria: QualificationCriteria;
}

const BASE = 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/';
export const QUALIFIER = {
  qcStatement: `${BASE}QCStatement`,
  notQualified: `${BASE}NotQualified`,
  qcForESig: `${BASE}QCForESig`,
  qcForESeal: `${BASE}QCForESeal`,
  qcForWSA: `${BASE}QCForWSA`,
} as const;

/** the qualifiers that take qualification (for e-signatures) away */
const OVERRULING: string[] = [QUALIFIER.notQualified, QUALIFIER.qcForESeal, QUALIFIER.qcForWSA];

interface CertFacts {
  keyUsage: string[];
  policies: string[];
}

/** true, false, or undefined when a criterion is not read */
function matches(c: QualificationCriteria, cert: CertFacts): boolean | undefined {
  const results: (boolean | undefined)[] = [
    ...c.keyUsage.map((bits) => bits.every((b) => cert.keyUsage.includes(b.bit) === b.value)),
    ...c.policySets.map((set) => set.every((oid) => cert.policies.includes(oid))),
    ...c.lists.map((l) => matches(l, cert)),
    ...Array.from({ length: c.other }, () => undefined),
  ];
  const unknown = results.includes(undefined);
  if (c.assert === 'all') return results.includes(false) ? false : unknown ? undefined : true;
  if (c.assert === 'atLeastOne') return results.includes(true) ? true : unknown ? undefined : false;
  if (c.assert === 'none') return results.includes(true) ? false : unknown ? undefined : true;
  return undefined;
}

/**
 * The qualifiers of `quals` that apply to `cert`: one that makes it qualified only when its criteria surely
 * select it, one that overrules (NotQualified, QCForESeal, QCForWSA) unless they surely do not.
 */
export function qualifiersFor(quals: Qualification[], cert: CertFacts): Set<string> {
  const out = new Set<string>();
  for (const q of quals) {
    const m = matches(q.criteria, cert);
    for (const uri of q.qualifiers) {
      if (m === true || (m === undefined && OVERRULING.includes(uri))) out.add(uri);
    }
  }
  return out;
}

/**
 * A certificate under a CA/QC service granted for e-signatures (ETSI TS 119 615 §4.3, EN 319 412-5; as DSS's
 * qualification block) is qualified when it says so (QcCompliance) or a qualifier of the service does
 * (QCStatement), and no qualifier overrules it (NotQualified, or only for e-seals / website authentication).
 */
export function qualifiedUnderService(
  quals: Qualification[],
  cert: CertFacts & { qcCompliance: boolean },
): boolean {
  const q = qualifiersFor(quals, cert);
  if (q.has(QUALIFIER.notQualified)) return false;
  if ((q.has(QUALIFIER.qcForESeal) || q.has(QUALIFIER.qcForWSA)) && !q.has(QUALIFIER.qcForESig)) return false;
  return cert.qcCompliance || q.has(QUALIFIER.qcStatement);
}
