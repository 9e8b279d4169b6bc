/**
 * Chains remembered within a run (verify/chain-memo.ts, issue 22) give what building them again gives: the same
 * path and anchor for the same signer and pool (and a copy each time), nothing across pools of other
 * certificates or order, the anchor as it stands at each time when the store's anchors have trust periods, and
 * no memory of a search that skipped an issuer for lack of budget (the next file, with its full budget, may find
 * another path).
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildChain, chainBudget, type BuiltChain } from '../../electron/core/verify/chain';
import { completeChain, rememberedChain } from '../../electron/core/verify/chain-completion';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { issued, parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import type { IssuedCert } from '../support/pki';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';

const fx = inject('fixture');
let pki: ChainPki;
let root: ParsedCert;
let caA: ParsedCert;
let caB: ParsedCert;
let leaf: ParsedCert;
let other: ParsedCert;

const load = (c: IssuedCert) => parseCert(readFileSync(c.certDer)) as ParsedCert;
const names = (b: BuiltChain) => b.certs.map((c) => c.x509.serialNumber + ' ' + c.x509.subject);
const plain = (b: BuiltChain) => ({ certs: names(b), anchor: b.anchor, failure: b.failure, notes: b.notes });

beforeAll(async () => {
  const dir = mkdtempSync(join(fx.root, 'chain-memo-'));
  pki = await startChainPki(dir);
  const a = pki.issue('memo-ca', pki.root, CA_EXT);
  // the same name and key, another certificate (a re-issue): either may have issued the leaf
  const b = pki.issue('memo-ca-b', pki.root, CA_EXT, { cn: 'memo-ca', keyPem: a.keyPem });
  root = load(pki.root);
  caA = load(a);
  caB = load(b);
  leaf = load(pki.issue('memo-leaf', a, LEAF_EXT));
  other = load(pki.issue('memo-other', a, LEAF_EXT));
});

afterAll(() => pki.close());

const store = () => new TrustStore([{ der: root.der, source: 'file:root' }]);

describe('remembered chains', () => {
  it('the same signer and pool: what buildChain gives, a fresh copy each time', async () => {
    const trust = store();
    const fresh = buildChain(leaf, [leaf, caA, root], trust);
    expect(fresh.anchor).toBeDefined();
    expect(rememberedChain(leaf, { pool: [leaf, caA, root], trust })).toBeUndefined();
    const first = await completeChain(leaf, { pool: [leaf, caA, root], trust });
    first.certs.pop();
    const second = await completeChain(leaf, { pool: [leaf, caA, root], trust });
    expect(plain(second)).toEqual(plain(fresh));
    expect(second.certs).not.toBe(first.certs);
    const sync = rememberedChain(leaf, { pool: [leaf, caA, root], trust });
    expect(plain(sync as BuiltChain)).toEqual(plain(fresh));
    expect(rememberedChain(leaf, { pool: [leaf, caA, root], trust: store() })).toBeUndefined();
  });

  it('another signer, other certificates or another order: built for what they are', async () => {
    const trust = store();
    await completeChain(leaf, { pool: [leaf, caA, root], trust });
    const cases: [ParsedCert, ParsedCert[]][] = [
      [other, [other, caA, root]],
      [leaf, [leaf, root]],
      [leaf, [leaf, caA]],
      [leaf, [caA, leaf, root]],
      [leaf, [leaf, caA, root]],
    ];
    for (const [signer, pool] of cases) {
      const got = await completeChain(signer, { pool, trust });
      expect(plain(got)).toEqual(plain(buildChain(signer, [...pool], trust)));
    }
  });

  it('anchors with trust periods: the anchor as it stands at each time', async () => {
    const trust = new TrustStore([
      {
        der: root.der,
        source: 'tl:XX',
        qualified: true,
        periods: [
          { from: new Date('2020-01-01'), to: new Date('2021-01-01'), qualified: true },
          { from: new Date('2021-01-01'), qualified: false },
        ],
      },
    ]);
    const at = ['2020-06-01', '2022-06-01', '2019-06-01', '2020-06-01'].map((d) => new Date(d));
    for (const t of [...at, ...at]) {
      const got = await completeChain(leaf, { pool: [leaf, caA, root], trust }, t);
      expect(plain(got)).toEqual(plain(buildChain(leaf, [leaf, caA, root], trust, t)));
    }
    const q = async (d: string) =>
      (await completeChain(leaf, { pool: [leaf, caA, root], trust }, new Date(d))).anchor?.qualified;
    expect([await q('2020-06-01'), await q('2022-06-01'), await q('2019-06-01')]).toEqual([
      true,
      false,
      undefined,
    ]);
  });

  it('a search that skipped an issuer for lack of budget is not remembered', async () => {
    const trust = store();
    // known pairs: leaf by caB, caA by root, leaf by caA; unknown: caB by root
    expect(issued(caB, leaf)).toBe(true);
    buildChain(leaf, [leaf, caA, root], trust);
    const pool = [leaf, caB, caA, root];
    chainBudget(pool).left = 0;
    const starved = await completeChain(leaf, { pool, trust });
    expect(names(starved)).toEqual(names({ certs: [leaf, caA, root], notes: [] }));
    // the next file: the same certificates, its full budget checks caB and takes the first path found
    const next = [leaf, caB, caA, root];
    const full = await completeChain(leaf, { pool: next, trust });
    expect(names(full)).toEqual(names({ certs: [leaf, caB, root], notes: [] }));
    expect(plain(full)).toEqual(plain(buildChain(leaf, [...next], trust)));
  });
});
