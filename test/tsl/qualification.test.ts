/**
 * A certificate under a CA/QC service granted for e-signatures is qualified only when it is a qualified
 * certificate itself (QcCompliance) or a qualifier of the service says so for it (QCStatement), and no qualifier
 * overrules it (NotQualified) — ETSI TS 119 615 §4.3, EN 319 412-5, TS 119 612 §5.5.9.2; as DSS. The granted
 * service alone made any certificate under it "qualified".
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { parseTrustedList } from '../../electron/core/tsl/tsl-parse';
import { anchorsOfList } from '../../electron/core/tsl/tsl-trust-source';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import type { IssuedCert } from '../support/pki';
import { LEAF_EXT, startChainPki, type ChainPki } from '../verify/support/chain-pki';
import { daysFromNow, memberList } from './support/cli-scenario';
import { leafCms } from './support/leaf-cms';
import { CA_QC, tslXml } from './support/tsl-xml';

const fx = inject('fixture');
/** QcStatements: QcCompliance, QcSSCD (ETSI EN 319 412-5) */
const QC = '1.3.6.1.5.5.7.1.3 = DER:3014300806060400' + '8e460101' + '300806060400' + '8e460104';
/** the policy the test lists' qualifiers select (tsl-xml.ts) */
const POLICY = 'certificatePolicies = 1.3.76.16.6';

let pki: ChainPki;
const leaves: Record<string, IssuedCert> = {};

beforeAll(async () => {
  pki = await startChainPki(mkdtempSync(join(fx.root, 'tl-qualification-')));
  leaves.plain = pki.issue('plain-signer', pki.root, LEAF_EXT);
  leaves.qc = pki.issue('qc-signer', pki.root, [...LEAF_EXT, QC]);
  leaves.policy = pki.issue('policy-signer', pki.root, [...LEAF_EXT, POLICY]);
  leaves.qcPolicy = pki.issue('qc-policy-signer', pki.root, [...LEAF_EXT, QC, POLICY]);
});

afterAll(() => pki.close());

/** the root as a CA/QC service granted for e-signatures, with `qualifiers` for the policy, as parsed from XML */
function listStore(qualifiers: string[]): TrustStore {
  const root = new Uint8Array(readFileSync(pki.root.certDer));
  const granted = {
    status: 'granted' as const,
    start: daysFromNow(-730),
    type: CA_QC,
    asi: ['ForeSignatures'],
  };
  const list = parseTrustedList(tslXml(memberList('IT', 1, root, [{ ...granted, qualifiers }])));
  return new TrustStore(anchorsOfList(list));
}

async function verify(leaf: IssuedCert, trust: TrustStore) {
  const revocation = createRevocationChecker({ offline: false, cacheDir: null });
  const [s] = await verifyCmsSignatures(leafCms(leaf, pki.root), { trust, revocation });
  return [s?.indication, s?.qualified];
}

describe('qualified under a trusted-list CA/QC service', () => {
  it('no qualifiers: the certificate with QcCompliance is qualified, the one without is not', async () => {
    const trust = listStore([]);
    expect(await verify(leaves.qc as IssuedCert, trust)).toEqual(['TOTAL_PASSED', true]);
    expect(await verify(leaves.plain as IssuedCert, trust)).toEqual(['TOTAL_PASSED', false]);
  });

  it('a QCStatement qualifier makes the certificates its criteria select qualified, only them', async () => {
    const trust = listStore(['QCStatement']);
    expect(await verify(leaves.policy as IssuedCert, trust)).toEqual(['TOTAL_PASSED', true]);
    expect(await verify(leaves.plain as IssuedCert, trust)).toEqual(['TOTAL_PASSED', false]);
  });

  it('a NotQualified qualifier overrules the certificate’s QcCompliance for the certificates it selects', async () => {
    const trust = listStore(['NotQualified']);
    expect(await verify(leaves.qcPolicy as IssuedCert, trust)).toEqual(['TOTAL_PASSED', false]);
    expect(await verify(leaves.qc as IssuedCert, trust)).toEqual(['TOTAL_PASSED', true]);
  });

  it('the qualifications keep their criteria (realistic list)', () => {
    const xml = readFileSync(join(__dirname, 'fixtures', 'TSL-IT-realistic.xml'), 'utf8');
    const ca = parseTrustedList(xml).services.find((s) => s.name === 'Esempio Qualified eSignature CA 1');
    expect(ca?.history[0]?.qualifications?.map((q) => q.criteria)).toEqual([
      {
        assert: 'atLeastOne',
        keyUsage: [[{ bit: 'nonRepudiation', value: true }]],
        policySets: [['1.3.76.16.6']],
        lists: [],
        other: 0,
      },
      { assert: 'all', keyUsage: [], policySets: [['0.4.0.194112.1.2']], lists: [], other: 0 },
    ]);
  });
});
