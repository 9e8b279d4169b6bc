/**
 * Builds the certification path from the signer certificate up to a trust anchor, depth first: at each
 * certificate the candidate issuers (names chain, key identifiers match; anchors first) are tried in turn, so a
 * cross-certificate or a look-alike that breaks a path rule (path-validation.ts) does not hide a good path.
 * Bounded (issue 19): at most MAX_CANDIDATES issuers tried (signature checked) per certificate, MAX_SIGNATURE_CHECKS signature
 * verifications per certificate pool (one file), MAX_DEPTH certificates; keys refused by `keyRefusal` are never used.
 * The rest of the search is bounded too (MAX_SEARCH_WORK per pool, shared by every chain built over it): the
 * candidate issuers of a certificate come from an index of the pool by subject name, and each candidate looked
 * at, each trust-store lookup, each step counts — hundreds of self-issued look-alikes of the anchor issuing one
 * another (memoised signatures cost nothing) end in a bounded time.
 */
import { t } from '../i18n/translate';
import type { TrustAnchor } from '../trust/trust-source';
import type { TrustStore } from '../trust/trust-store';
import { equalBytes } from '../cms/bytes';
import {
  issued,
  issuerKey,
  keyRefusal,
  knownIssued,
  mayHaveIssued,
  parseCert,
  subjectKey,
  type ParsedCert,
} from '../x509/certificates';
import { nameOf, pathFailureMessage, validatePath, type PathFailure } from '../x509/path-validation';
import { MAX_CANDIDATES, MAX_DEPTH } from '../x509/chain-limits';

export interface BuiltChain {
  /** signer first; the anchor (when found) last */
  certs: ParsedCert[];
  anchor?: TrustAnchor;
  /** the path reaches the anchor but breaks an RFC 5280 rule (the best path found did) */
  failure?: PathFailure;
  /** plain-language notes: refused keys, limits reached, the rule broken */
  notes: string[];
}

export { MAX_CANDIDATES, MAX_DEPTH } from '../x509/chain-limits';
export const MAX_SIGNATURE_CHECKS = 200;
/** units of search work per certificate pool: a search step, a candidate looked at, a trust-store lookup */
export const MAX_SEARCH_WORK = 50_000;

const MAX_STEPS = 2000;

export interface ChainBudget {
  /** signature checks left */
  left: number;
  /** search work left */
  work: number;
}

const budgets = new WeakMap<ParsedCert[], ChainBudget>();

/** `extended` (a pool grown from `pool`, e.g. with a signature's embedded certificates) spends `pool`'s budget. */
export function shareChainBudget(pool: ParsedCert[], extended: ParsedCert[]): void {
  budgets.set(extended, chainBudget(pool));
}

/** The signature-check and search-work budget shared by every chain built over one certificate pool (one file). */
export function chainBudget(pool: ParsedCert[]): ChainBudget {
  let budget = budgets.get(pool);
  if (!budget) budgets.set(pool, (budget = { left: MAX_SIGNATURE_CHECKS, work: MAX_SEARCH_WORK }));
  return budget;
}

/** the pool's certificates by subject name (pool order kept), made once per pool */
const indexes = new WeakMap<ParsedCert[], Map<string, ParsedCert[]>>();

function bySubject(pool: ParsedCert[]): Map<string, ParsedCert[]> {
  let index = indexes.get(pool);
  if (!index) {
    index = new Map();
    for (const c of pool) {
      const key = subjectKey(c);
      const at = index.get(key);
      if (at) at.push(c);
      else index.set(key, [c]);
    }
    indexes.set(pool, index);
  }
  return index;
}

const NOTES = {
  key: {
    it: 'Il certificato «{name}» ha una chiave pubblica non accettata ({why}): non usato.',
    en: 'The certificate "{name}" has a public key that is not accepted ({why}): not used.',
  },
  candidates: {
    it: 'Troppi certificati candidati come emittente di «{name}»: provati solo i primi {n}.',
    en: 'Too many candidate issuer certificates for "{name}": only the first {n} were tried.',
  },
  budget: {
    it: 'Limite di {n} verifiche di firma sui certificati raggiunto: catena non completata.',
    en: 'Limit of {n} certificate signature checks reached: chain not completed.',
  },
  work: {
    it: 'Limite della ricerca della catena di certificazione raggiunto: catena non completata.',
    en: 'Limit of the certification path search reached: chain not completed.',
  },
};

interface Search {
  pool: ParsedCert[];
  trust: TrustStore;
  at?: Date;
  budget: ChainBudget;
  /** search steps left (memoised checks cost no budget, but a web of cross-certificates must still end) */
  steps: number;
  notes: Set<string>;
  best?: BuiltChain;
  /** this search's answers: the anchor each certificate is (null: none), the candidate issuers of each */
  anchors: Map<ParsedCert, TrustAnchor | null>;
  issuers: Map<ParsedCert, ParsedCert[]>;
}

/** spends `n` units of search work; false (and a note) when the pool's budget is spent */
function spend(s: Search, n: number): boolean {
  s.budget.work -= n;
  if (s.budget.work >= 0) return true;
  s.notes.add(t(NOTES.work));
  return false;
}

/** the trust anchor `c` is, if any (looked up once per search); a key the store cannot read is no anchor */
function anchorOf(c: ParsedCert, s: Search): TrustAnchor | undefined {
  let a = s.anchors.get(c);
  if (a === undefined) {
    spend(s, 1);
    try {
      a = s.trust.anchorFor(c.x509, s.at) ?? null;
    } catch {
      a = null;
    }
    s.anchors.set(c, a);
  }
  return a ?? undefined;
}

/**
 * The pool's certificates that may have issued `current` (names chain, key identifiers match), anchors first,
 * pool order otherwise; found once per search, their cost counted. Undefined when the work budget is spent.
 */
function candidateIssuers(current: ParsedCert, s: Search): ParsedCert[] | undefined {
  const known = s.issuers.get(current);
  if (known) return known;
  const named = bySubject(s.pool).get(issuerKey(current)) ?? [];
  if (!spend(s, named.length)) return undefined;
  const may = named.filter((c) => mayHaveIssued(c, current));
  const anchored = may.filter((c) => anchorOf(c, s));
  const list = anchored.length === 0 ? may : [...anchored, ...may.filter((c) => !anchorOf(c, s))];
  if (s.budget.work < 0) return undefined;
  s.issuers.set(current, list);
  return list;
}

/**
 * The path ending at the trusted certificate itself: a file certificate with the anchor's name and key (other
 * constraints, other dates, signed by anyone) only points to it. The trust anchor information comes from the
 * trusted source (RFC 5280 §6.1.1 d): its pathLenConstraint, its dates and the certificate reported are the
 * trusted one's. Undefined when the trusted certificate does not issue the certificate below (names chain by
 * other rules than the store's match). A signer that is itself an anchor stays the file's certificate.
 */
function withTrustedAnchor(path: ParsedCert[], anchor: TrustAnchor): ParsedCert[] | undefined {
  const current = path[path.length - 1] as ParsedCert;
  if (path.length < 2 || equalBytes(current.der, anchor.der)) return [...path];
  const trusted = parseCert(anchor.der);
  if (!trusted || !issued(trusted, path[path.length - 2] as ParsedCert)) return undefined;
  return [...path.slice(0, -1), trusted];
}

function better(a: BuiltChain, b: BuiltChain | undefined): boolean {
  if (!b) return true;
  const rank = (c: BuiltChain) => (c.anchor ? 2 : 0) + (c.anchor && !c.failure ? 2 : 0);
  return rank(a) > rank(b) || (rank(a) === rank(b) && !a.anchor && a.certs.length > b.certs.length);
}

/** Depth-first search; true when a valid anchored path was found (kept in s.best). */
function extend(path: ParsedCert[], s: Search): boolean {
  const current = path[path.length - 1] as ParsedCert;
  if (--s.steps < 0 || !spend(s, 1)) return false;
  const anchor = anchorOf(current, s);
  const anchored = anchor && withTrustedAnchor(path, anchor);
  if (anchor && anchored) {
    const failure = validatePath(anchored, true);
    const built: BuiltChain = { certs: anchored, anchor, failure, notes: [] };
    if (better(built, s.best)) s.best = built;
    return !failure;
  }
  if (better({ certs: [...path], notes: [] }, s.best)) s.best = { certs: [...path], notes: [] };
  if (path.length >= MAX_DEPTH) return false;
  const all = candidateIssuers(current, s);
  if (!all) return false;
  let tried = 0;
  for (const c of all) {
    if (!spend(s, 1)) return false;
    if (path.includes(c)) continue;
    const why = keyRefusal(c);
    if (why) {
      s.notes.add(t(NOTES.key, { name: nameOf(c), why }));
      continue;
    }
    if (++tried > MAX_CANDIDATES) {
      s.notes.add(t(NOTES.candidates, { name: nameOf(current), n: MAX_CANDIDATES }));
      break;
    }
    if (knownIssued(c, current) === undefined) {
      if (s.budget.left <= 0) {
        s.notes.add(t(NOTES.budget, { n: MAX_SIGNATURE_CHECKS }));
        return false;
      }
      s.budget.left--;
    }
    if (issued(c, current) && extend([...path, c], s)) return true;
  }
  return false;
}

/** `at`: the time trusted-list anchors must be in force (the best signature time: a proven time, else now). */
export function buildChain(
  signer: ParsedCert,
  pool: ParsedCert[],
  trust: TrustStore,
  at?: Date,
  budget: ChainBudget = chainBudget(pool),
): BuiltChain {
  const s: Search = {
    pool,
    trust,
    at,
    budget,
    steps: MAX_STEPS,
    notes: new Set(),
    anchors: new Map(),
    issuers: new Map(),
  };
  extend([signer], s);
  const best = s.best ?? { certs: [signer], notes: [] };
  const notes = best.anchor && !best.failure ? [] : [...s.notes];
  if (best.failure) notes.push(pathFailureMessage(best.failure));
  return { ...best, notes };
}
