/**
 * Chains already built in this run (issue 22: a batch verifies the same signer against the same certificates,
 * file after file). Only a search that reached an anchor on a valid path, with no note and no signature check
 * spent from the file's budget, is remembered: every issuer pair it met was already known, so the same search
 * would walk the same way again. The key is everything the search reads: the trust store, the signer and each
 * certificate of the pool in order (by identity: parseCert shares one object per exact DER, and an identity is
 * never reused), and the time when an anchor of the store has trust periods (else the time changes nothing).
 */
import type { TrustStore } from '../trust/trust-store';
import type { ParsedCert } from '../x509/certificates';
import type { BuiltChain } from './chain';

const CAP = 1000;
const ids = new WeakMap<ParsedCert, number>();
let lastId = 0;
const byStore = new WeakMap<TrustStore, { periods: boolean; chains: Map<string, BuiltChain> }>();

function idOf(p: ParsedCert): number {
  let id = ids.get(p);
  if (id === undefined) ids.set(p, (id = ++lastId));
  return id;
}

function storeMemo(trust: TrustStore): { periods: boolean; chains: Map<string, BuiltChain> } {
  let m = byStore.get(trust);
  if (!m) {
    m = { periods: trust.anchors.some((a) => a.periods !== undefined), chains: new Map() };
    byStore.set(trust, m);
  }
  return m;
}

export function chainKey(signer: ParsedCert, pool: ParsedCert[], trust: TrustStore, at?: Date): string {
  let key = `${idOf(signer)}:`;
  for (const p of pool) key += `${idOf(p)},`;
  return storeMemo(trust).periods ? `${key}@${at ? at.getTime() : 'none'}` : key;
}

/** the remembered chain (a copy: callers may not share arrays), if any */
export function knownChain(trust: TrustStore, key: string): BuiltChain | undefined {
  const c = storeMemo(trust).chains.get(key);
  return c && { ...c, certs: [...c.certs], notes: [] };
}

/** remembers `built` when it may be: anchored, valid, no note, no budget spent (`spent`) */
export function rememberChain(trust: TrustStore, key: string, built: BuiltChain, spent: boolean): void {
  if (spent || !built.anchor || built.failure || built.notes.length > 0) return;
  const chains = storeMemo(trust).chains;
  if (chains.size >= CAP) chains.clear();
  chains.set(key, { ...built, certs: [...built.certs], notes: [] });
}
