/**
 * RFC 5280 §6 path validation on chains made here with openssl: an issuer that is not a CA, a pathLen 0 CA with
 * a CA under it, unknown critical extensions, a CA without keyCertSign. The CRLs of every issuer are served on
 * loopback and answer "good", so revocation is never what fails.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedCert } from '../support/pki';
import { signAndVerify } from './support/chain-verify';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';

const fx = inject('fixture');
let dir = '';
let input = '';
let pki: ChainPki;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'path-'));
  input = join(dir, 'doc.txt');
  writeFileSync(input, 'documento\n');
  pki = await startChainPki(dir);
});

afterAll(() => pki.close());

/** signs with `leaf`, embedding `above` (PEM files concatenated), and verifies trusting the root only */
const verifyChain = (leaf: IssuedCert, above: IssuedCert[]) => signAndVerify(pki, input, leaf, above);

function expectBroken(s: Awaited<ReturnType<typeof verifyChain>>, culprit: string) {
  expect(s.integrity).toBe('valid');
  expect(s.indication).toBe('INDETERMINATE');
  expect(s.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
  expect(s.qualified).toBe(false);
  expect(s.explanation).toContain(culprit);
  // the services answered: the leaf's revocation status is known and good
  expect(s.chain[0]?.revocation?.status).toBe('good');
}

describe('certification path validation (RFC 5280 §6)', () => {
  it('a good root → CA → leaf chain passes, revocation checked for the CA too', async () => {
    const ca = pki.issue('good-ca', pki.root, CA_EXT);
    const leaf = pki.issue('good-leaf', ca, LEAF_EXT);
    const s = await verifyChain(leaf, [ca]);
    expect(s.indication).toBe('TOTAL_PASSED');
    expect(s.chain.map((c) => c.revocation?.status ?? null)).toEqual(['good', 'good', null]);
  });

  it('a leaf "issued" by an end-entity certificate without basicConstraints', async () => {
    const ee = pki.issue('ee-nobc', pki.root, ['keyUsage = critical,digitalSignature,cRLSign,keyCertSign']);
    const s = await verifyChain(pki.issue('leaf-under-nobc', ee, LEAF_EXT), [ee]);
    expectBroken(s, 'ee-nobc');
  });

  it('a leaf issued by a CA:FALSE certificate with keyCertSign', async () => {
    const ee = pki.issue('ee-kcs', pki.root, [
      'basicConstraints = critical,CA:false',
      'keyUsage = critical,keyCertSign,cRLSign',
    ]);
    const s = await verifyChain(pki.issue('leaf-under-kcs', ee, LEAF_EXT), [ee]);
    expectBroken(s, 'ee-kcs');
    expect(s.explanation).toMatch(/basicConstraints/);
  });

  it('a leaf issued by a CA:FALSE certificate without keyUsage', async () => {
    const ee = pki.issue('ee-noku', pki.root, ['basicConstraints = critical,CA:false']);
    const s = await verifyChain(pki.issue('leaf-under-noku', ee, LEAF_EXT), [ee]);
    expectBroken(s, 'ee-noku');
  });

  it('a pathLen 0 CA issuing a CA which issues the leaf', async () => {
    const top = pki.issue('ca-pathlen0', pki.root, [
      'basicConstraints = critical,CA:true,pathlen:0',
      CA_EXT[1] as string,
    ]);
    const sub = pki.issue('ca-under-pathlen0', top, CA_EXT);
    const s = await verifyChain(pki.issue('leaf-too-deep', sub, LEAF_EXT), [sub, top]);
    expectBroken(s, 'ca-under-pathlen0');
    expect(s.explanation).toContain('ca-pathlen0');
  });

  it('the same pathLen 0 CA may issue the leaf directly', async () => {
    const top = pki.issue('ca-pathlen0-ok', pki.root, [
      'basicConstraints = critical,CA:true,pathlen:0',
      CA_EXT[1] as string,
    ]);
    const s = await verifyChain(pki.issue('leaf-pathlen-ok', top, LEAF_EXT), [top]);
    expect(s.indication).toBe('TOTAL_PASSED');
  });

  it('an unknown critical extension in the leaf', async () => {
    const ca = pki.issue('ca-for-crit-leaf', pki.root, CA_EXT);
    const leaf = pki.issue('leaf-crit', ca, [
      ...LEAF_EXT,
      '1.3.6.1.4.1.99999.7.7 = critical,ASN1:UTF8String:x',
    ]);
    const s = await verifyChain(leaf, [ca]);
    expectBroken(s, 'leaf-crit');
    expect(s.explanation).toContain('1.3.6.1.4.1.99999.7.7');
  });

  it('an unknown critical extension in the CA', async () => {
    const ca = pki.issue('ca-crit', pki.root, [...CA_EXT, '1.3.6.1.4.1.99999.7.8 = critical,ASN1:NULL']);
    const s = await verifyChain(pki.issue('leaf-under-crit', ca, LEAF_EXT), [ca]);
    expectBroken(s, 'ca-crit');
  });

  it('a CA whose keyUsage lacks keyCertSign', async () => {
    const ca = pki.issue('ca-no-kcs', pki.root, [
      'basicConstraints = critical,CA:true',
      'keyUsage = critical,cRLSign,digitalSignature',
    ]);
    const s = await verifyChain(pki.issue('leaf-under-no-kcs', ca, LEAF_EXT), [ca]);
    expectBroken(s, 'ca-no-kcs');
    expect(s.explanation).toMatch(/keyCertSign/);
  });

  it('a CA with name constraints of an unsupported form (DNS) fails closed', async () => {
    const ca = pki.issue('ca-nc', pki.root, [
      ...CA_EXT,
      'nameConstraints = critical,permitted;DNS:example.com',
    ]);
    const s = await verifyChain(pki.issue('leaf-under-nc', ca, LEAF_EXT), [ca]);
    expectBroken(s, 'ca-nc');
  });

  it('a look-alike issuer that breaks a rule does not hide the good cross-certificate', async () => {
    const good = pki.issue('cross-good', pki.root, CA_EXT, { cn: 'Cross CA' });
    const bad = pki.issue('cross-bad', pki.root, ['basicConstraints = critical,CA:false'], {
      cn: 'Cross CA',
      keyPem: good.keyPem,
    });
    const leaf = pki.issue('leaf-under-cross', good, LEAF_EXT);
    const s = await verifyChain(leaf, [bad, good]);
    expect(s.indication).toBe('TOTAL_PASSED');
    const goodFingerprint = createHash('sha256').update(readFileSync(good.certDer)).digest('hex');
    expect(s.chain[1]?.fingerprintSha256).toBe(goodFingerprint);
  });

  describe('directoryName constraints', () => {
    const ncCa = (name: string, kind: 'permitted' | 'excluded') =>
      pki.issue(name, pki.root, [...CA_EXT, `nameConstraints = critical,${kind};dirName:nc_dir`], {
        subject: `/O=Good Org/CN=${name}`,
        sections: ['[nc_dir]', 'O = Good Org'],
      });

    it('a leaf inside the permitted subtree passes', async () => {
      const ca = ncCa('nc-permit-ca', 'permitted');
      const leaf = pki.issue('nc-in', ca, LEAF_EXT, { subject: '/O=Good Org/CN=nc-in' });
      expect((await verifyChain(leaf, [ca])).indication).toBe('TOTAL_PASSED');
    });

    it('a leaf outside the permitted subtree fails, naming the leaf', async () => {
      const ca = ncCa('nc-permit-ca2', 'permitted');
      const leaf = pki.issue('nc-out', ca, LEAF_EXT, { subject: '/O=Evil Org/CN=nc-out' });
      expectBroken(await verifyChain(leaf, [ca]), 'nc-out');
    });

    it('a leaf inside an excluded subtree fails', async () => {
      const ca = ncCa('nc-exclude-ca', 'excluded');
      const leaf = pki.issue('nc-excluded', ca, LEAF_EXT, { subject: '/O=good  org/CN=nc-excluded' });
      expectBroken(await verifyChain(leaf, [ca]), 'nc-excluded');
    });
  });
});
