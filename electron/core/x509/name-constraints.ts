/**
 * Name constraints (RFC 5280 §4.2.1.10, §6.1.3 b–c, §6.1.4 g) for directoryName subtrees: every certificate
 * below a constraining CA (self-issued intermediates excepted) must have its subject inside one permitted
 * subtree of each CA that set some, and inside no excluded one. A subtree is a prefix of the subject's
 * attributes (compared as in certificates.ts `nameParts`). Any other name form (dNSName, rfc822Name, URI, IP
 * address…) or a subtree with minimum/maximum is not supported: such a constraint fails the path (fail closed).
 */
import * as pkijs from 'pkijs';
import { OID } from '../x509/oids';
import { isSelfIssued, nameParts, type ParsedCert } from './certificates';

const DIRECTORY_NAME = 4;

interface Subtrees {
  permitted?: string[][];
  excluded: string[][];
}

/** The directoryName subtrees of `c`'s nameConstraints; 'unsupported' for anything else; undefined if none. */
function subtreesOf(c: ParsedCert): Subtrees | 'unsupported' | undefined {
  const ext = c.cert.extensions?.find((e) => e.extnID === OID.nameConstraints);
  if (!ext) return undefined;
  const nc = ext.parsedValue as pkijs.NameConstraints | undefined;
  if (!(nc instanceof pkijs.NameConstraints)) return 'unsupported';
  const read = (list: pkijs.GeneralSubtree[] | undefined): string[][] | 'unsupported' | undefined => {
    if (!list) return undefined;
    const out: string[][] = [];
    for (const s of list) {
      const base = s.base;
      if (base.type !== DIRECTORY_NAME || s.minimum !== 0 || s.maximum !== undefined) return 'unsupported';
      if (!(base.value instanceof pkijs.RelativeDistinguishedNames)) return 'unsupported';
      out.push(nameParts(base.value));
    }
    return out;
  };
  const permitted = read(nc.permittedSubtrees);
  const excluded = read(nc.excludedSubtrees);
  if (permitted === 'unsupported' || excluded === 'unsupported') return 'unsupported';
  return { permitted, excluded: excluded ?? [] };
}

/** the subject (when not empty) and the directoryName entries of subjectAltName */
function namesOf(c: ParsedCert): string[][] {
  const subject = nameParts(c.cert.subject);
  const san = c.cert.extensions?.find((e) => e.extnID === '2.5.29.17')?.parsedValue as
    pkijs.AltName | undefined;
  const dirs = (san?.altNames ?? [])
    .filter((g) => g.type === DIRECTORY_NAME && g.value instanceof pkijs.RelativeDistinguishedNames)
    .map((g) => nameParts(g.value as pkijs.RelativeDistinguishedNames));
  return [...(subject.length > 0 ? [subject] : []), ...dirs];
}

const within = (subject: string[], tree: string[]): boolean => tree.every((p, i) => subject[i] === p);

export type NameConstraintFailure = {
  cert: ParsedCert;
  rule: 'nameConstraints' | 'nameConstraintsUnsupported';
};

/**
 * Checks the path (signer first; `top`: index of the first certificate below the anchor, walked downwards).
 * The anchor's own constraints are not applied (trust anchor information, RFC 5280 §6.1.1 d).
 */
export function checkNameConstraints(certs: ParsedCert[], top: number): NameConstraintFailure | undefined {
  const permitted: string[][][] = [];
  const excluded: string[][] = [];
  for (let i = top; i >= 0; i--) {
    const c = certs[i] as ParsedCert;
    const checked = i === 0 || !isSelfIssued(c);
    if (checked && (permitted.length > 0 || excluded.length > 0)) {
      const outside = (name: string[]) =>
        !permitted.every((set) => set.some((tree) => within(name, tree))) ||
        excluded.some((tree) => within(name, tree));
      if (namesOf(c).some(outside)) return { cert: c, rule: 'nameConstraints' };
    }
    if (i === 0) break;
    const own = subtreesOf(c);
    if (own === 'unsupported') return { cert: c, rule: 'nameConstraintsUnsupported' };
    if (own?.permitted) permitted.push(own.permitted);
    if (own) excluded.push(...own.excluded);
  }
  return undefined;
}
