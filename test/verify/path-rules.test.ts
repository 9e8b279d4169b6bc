/**
 * Path rules at their edges: a self-issued intermediate (key rollover) does not count against pathLen; a
 * critical basicConstraints that cannot be read fails the path (never an exception); a loop of CAs issuing each
 * other ends.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedCert } from '../support/pki';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';
import { signAndVerify } from './support/chain-verify';

const fx = inject('fixture');
let input = '';
let pki: ChainPki;

beforeAll(async () => {
  const dir = mkdtempSync(join(fx.root, 'path-rules-'));
  input = join(dir, 'doc.txt');
  writeFileSync(input, 'documento\n');
  pki = await startChainPki(dir);
});

afterAll(() => pki.close());

const verifyChain = (leaf: IssuedCert, above: IssuedCert[]) => signAndVerify(pki, input, leaf, above);

describe('path rules at their edges', () => {
  it('a self-issued rollover certificate under a pathLen 0 CA does not count', async () => {
    const top = pki.issue('rollover-top', pki.root, [
      'basicConstraints = critical,CA:true,pathlen:0',
      CA_EXT[1] as string,
    ]);
    const rollover = pki.issue('rollover-new', top, CA_EXT, { cn: 'rollover-top' });
    const s = await verifyChain(pki.issue('rollover-leaf', rollover, LEAF_EXT), [rollover, top]);
    expect(s.chain).toHaveLength(4);
    expect(s.indication).toBe('TOTAL_PASSED');
  });

  it('an unreadable critical basicConstraints fails the path', async () => {
    const ca = pki.issue('bad-bc-ca', pki.root, ['2.5.29.19 = critical,DER:01:01:ff', CA_EXT[1] as string]);
    const s = await verifyChain(pki.issue('bad-bc-leaf', ca, LEAF_EXT), [ca]);
    expect(s.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    expect(s.explanation).toContain('bad-bc-ca');
  });

  it('CAs issuing each other in a loop: the search ends (no chain), AIA finds the way up', async () => {
    const a0 = pki.issue('loop-a0', pki.root, CA_EXT, { cn: 'Loop A' });
    const b = pki.issue('loop-b', a0, CA_EXT, { cn: 'Loop B' });
    const a = pki.issue('loop-a', b, CA_EXT, { cn: 'Loop A', keyPem: a0.keyPem });
    const leaf = pki.issue('loop-leaf', a, LEAF_EXT);
    // without a0 (the only way up to the root), a and b only lead to each other
    pki.aiaUp = false;
    try {
      const s = await verifyChain(leaf, [a, b]);
      expect(s.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    } finally {
      pki.aiaUp = true;
    }
    // with AIA, b's caIssuers gives a0 and the way up
    const s = await verifyChain(leaf, [a, b]);
    expect(s.indication).toBe('TOTAL_PASSED');
    expect(s.chain.map((c) => c.subject)).toEqual([
      'CN=loop-leaf',
      'CN=Loop A',
      'CN=Loop B',
      'CN=Loop A',
      'CN=Chain Test Root',
    ]);
  });
});
