/**
 * Builds the certification path from the signer certificate up to a trust anchor, depth first: at each
 * certificate the candidate issuers (names chain, key identifiers match; anchors first) are tried in turn, so a
 * cross-certificate or a look-alike that breaks a path rule (path-validation.ts) does not hide a good path.
 * Bounded (issue 19): at most MAX_CANDIDATES issuers tried (signature checked) per certificate, MAX_SIGNATURE_CHECKS signature
 * verifications per certificate pool (one file), MAX_DEPTH certificates; keys refused by `keyRefusal` are never used.
 */
import { t } from '../i18n/translate';
import type { TrustAnchor } from '../trust/trust-source';
import type { TrustStore } from '../trust/trust-store';
import { equalBytes } from '../cms/bytes';
import {
  issued,
  keyRefusal,
  knownIssued,
  mayHaveIssued,
  parseCert,
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

const MAX_STEPS = 2000;
const budgets = new WeakMap<ParsedCert[], { left: number }>();

/** `extended` (a pool grown from `pool`, e.g. with a signature's embedded certificates) spends `pool`'s budget. */
export function shareChainBudget(pool: ParsedCert[], extended: ParsedCert[]): void {
  budgets.set(extended, chainBudget(pool));
}

/** The signature-check budget shared by every chain built over one certificate pool (one file). */
export function chainBudget(pool: ParsedCert[]): { left: number } {
  let budget = budgets.get(pool);
  if (!budget) budgets.set(pool, (budget = { left: MAX_SIGNATURE_CHECKS }));
  return budget;
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
};

interface Search {
  pool: ParsedCert[];
  trust: TrustStore;
  at?: Date;
  budget: { left: number };
  /** search steps left (memoised checks cost no budget, but a web of cross-certificates must still end) */
  steps: number;
  notes: Set<string>;
  best?: BuiltChain;
}

/** the trust anchor `c` is, if any; a key the store cannot read is no anchor */
function anchorOf(c: ParsedCert, s: Search): TrustAnchor | undefined {
  try {
    return s.trust.anchorFor(c.x509, s.at);
  } catch {
    return undefined;
  }
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
  if (--s.steps < 0) return false;
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
  const all = s.pool.filter((c) => !path.includes(c) && mayHaveIssued(c, current));
  all.sort((a, b) => Number(Boolean(anchorOf(b, s))) - Number(Boolean(anchorOf(a, s))));
  let tried = 0;
  for (const c of all) {
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
  budget = chainBudget(pool),
): BuiltChain {
  const s: Search = { pool, trust, at, budget, steps: MAX_STEPS, notes: new Set() };
  extend([signer], s);
  const best = s.best ?? { certs: [signer], notes: [] };
  const notes = best.anchor && !best.failure ? [] : [...s.notes];
  if (best.failure) notes.push(pathFailureMessage(best.failure));
  return { ...best, notes };
}
