/**
 * A trusted-list anchor is taken as it stands at the best signature time (ETSI EN 319 102-1 §5.6.2, TS 119 615,
 * as DSS): a time proven by a POE, else the validation time. The claimed signingTime proves nothing: a CA/QC
 * service withdrawn since is not revived by a signature claiming a time before the withdrawal.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import type { TrustAnchor } from '../../electron/core/trust/trust-source';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import type { IssuedCert } from '../support/pki';
import { LEAF_EXT, startChainPki, type ChainPki } from '../verify/support/chain-pki';
import { leafCms } from './support/leaf-cms';

const fx = inject('fixture');
const MIN = 60e3;
/** QcStatements: QcCompliance, QcSSCD (ETSI EN 319 412-5) */
const QC = '3014300806060400' + '8e460101' + '300806060400' + '8e460104';

let pki: ChainPki;
let leaf: IssuedCert;
let t0: Date;

beforeAll(async () => {
  pki = await startChainPki(mkdtempSync(join(fx.root, 'tl-best-time-')));
  leaf = pki.issue('qc-signer', pki.root, [...LEAF_EXT, `1.3.6.1.5.5.7.1.3 = DER:${QC}`]);
  t0 = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
});

afterAll(() => pki.close());

/** the root as a CA/QC service granted two years ago and withdrawn 20 minutes after `t0` */
function withdrawnStore(): TrustStore {
  const root = new Uint8Array(readFileSync(pki.root.certDer));
  const granted = { from: new Date(t0.getTime() - 730 * 1440 * MIN), to: new Date(t0.getTime() + 20 * MIN) };
  const anchor: TrustAnchor = {
    der: root,
    source: 'tl:IT',
    qualified: true,
    periods: [{ ...granted, qualified: true }],
  };
  return new TrustStore([anchor]);
}

/** a CMS signature by the leaf claiming `signingTime`, verified at `now` (with `poe` when given) */
async function verify(signingTime: Date, now: Date, poe?: Date) {
  const revocation = createRevocationChecker({ offline: false, cacheDir: null });
  const [s] = await verifyCmsSignatures(leafCms(leaf, pki.root, signingTime), {
    trust: withdrawnStore(),
    revocation,
    now,
    poe,
  });
  return s;
}

describe('trusted-list status at the best signature time', () => {
  it('a claimed signingTime before the withdrawal does not make the withdrawn service an anchor', async () => {
    const s = await verify(t0, new Date(t0.getTime() + 40 * MIN));
    expect(s?.signingTime).toBe(t0.toISOString());
    expect([s?.indication, s?.subIndication, s?.qualified]).toEqual([
      'INDETERMINATE',
      'NO_CERTIFICATE_CHAIN_FOUND',
      false,
    ]);
  });

  it('a proven time before the withdrawal does', async () => {
    const s = await verify(t0, new Date(t0.getTime() + 40 * MIN), t0);
    expect([s?.indication, s?.subIndication, s?.qualified]).toEqual(['TOTAL_PASSED', null, true]);
  });

  it('before the withdrawal the service is an anchor with or without a claim', async () => {
    const s = await verify(t0, new Date(t0.getTime() + 10 * MIN));
    expect([s?.indication, s?.subIndication, s?.qualified]).toEqual(['TOTAL_PASSED', null, true]);
  });
});
