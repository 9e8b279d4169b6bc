/**
 * Revocation is checked for every CA below the anchor (as DSS does), reported per chain entry, and the
 * certificate that lacks it is named: a revoked intermediate is INDETERMINATE/REVOKED_CA_NO_POE, an
 * intermediate whose CRL cannot be had is TRY_LATER, a CRL signed by a CA without cRLSign is not accepted.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedCert } from '../support/pki';
import { signAndVerify } from './support/chain-verify';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';

const fx = inject('fixture');
let dir = '';
let input = '';
let pki: ChainPki;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'ca-rev-'));
  input = join(dir, 'doc.txt');
  writeFileSync(input, 'documento\n');
  pki = await startChainPki(dir);
});

afterAll(() => pki.close());

const verifyChain = (leaf: IssuedCert, above: IssuedCert[]) => signAndVerify(pki, input, leaf, above);

describe('revocation of every CA in the chain', () => {
  it('a revoked intermediate CA → INDETERMINATE/REVOKED_CA_NO_POE naming it', async () => {
    const ca = pki.issue('rev-ca', pki.root, CA_EXT);
    const leaf = pki.issue('rev-ca-leaf', ca, LEAF_EXT);
    pki.revoke(ca, pki.root);
    const s = await verifyChain(leaf, [ca]);
    expect(s.chain.map((c) => c.revocation?.status ?? null)).toEqual(['good', 'revoked', null]);
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('REVOKED_CA_NO_POE');
    expect(s.explanation).toContain('rev-ca');
  });

  it('the CA’s own revocation unavailable → TRY_LATER, the message names the CA', async () => {
    const ca = pki.issue('norev-ca', pki.root, CA_EXT);
    const leaf = pki.issue('norev-ca-leaf', ca, LEAF_EXT);
    pki.down.add('/crl/root.crl');
    try {
      const s = await verifyChain(leaf, [ca]);
      expect(s.chain.map((c) => c.revocation?.status ?? null)).toEqual(['good', 'unknown', null]);
      expect(s.subIndication).toBe('TRY_LATER');
      expect(s.messages.some((m) => m.includes('norev-ca') && !m.includes('leaf'))).toBe(true);
    } finally {
      pki.down.delete('/crl/root.crl');
    }
  });

  it('a CRL signed by a CA whose keyUsage lacks cRLSign is not accepted', async () => {
    const ca = pki.issue('nocrlsign-ca', pki.root, [
      'basicConstraints = critical,CA:true',
      'keyUsage = critical,keyCertSign',
    ]);
    const s = await verifyChain(pki.issue('nocrlsign-leaf', ca, LEAF_EXT), [ca]);
    expect(s.chain[0]?.revocation?.status).toBe('unknown');
    expect(s.chain[1]?.revocation?.status).toBe('good');
    expect(s.subIndication).toBe('TRY_LATER');
  });
});
