/**
 * certificateHold (CRL reasonCode 6, or an OCSP "revoked" with that reason) is a suspension, which may be lifted:
 * EN 319 102-1 and DSS (CertificateOnHoldCheck) give INDETERMINATE/TRY_LATER, never TOTAL_FAILED/REVOKED. The CRL
 * is made by `openssl ca -revoke -crl_hold` and served by the loopback PKI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setLang } from '../../electron/core/i18n/translate';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { checkSignerCertificate } from '../../electron/core/verify/signer-checks';
import { decideSignature } from '../../electron/core/verify/signer-verdict';
import { parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import type { IssuedCert } from '../support/pki';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';

const fx = inject('fixture');
let pki: ChainPki;

beforeAll(async () => {
  setLang('en');
  pki = await startChainPki(mkdtempSync(join(fx.root, 'hold-')));
});
afterAll(() => pki.close());

const parsed = (c: IssuedCert): ParsedCert =>
  parseCert(new Uint8Array(readFileSync(c.certDer))) as ParsedCert;

describe('certificateHold', () => {
  it('a signer certificate on hold in the CRL: INDETERMINATE/TRY_LATER, said suspended', async () => {
    const ca = pki.issue('h1-ca', pki.root, CA_EXT);
    const leaf = pki.issue('h1-leaf', ca, LEAF_EXT);
    const conf = ['-config', join(pki.dir, `${ca.name}.crl.cnf`), '-cert', ca.certPem, '-keyfile', ca.keyPem];
    execFileSync('openssl', ['ca', ...conf, '-revoke', leaf.certPem, '-crl_hold', 'holdInstructionNone'], {
      cwd: pki.dir,
      stdio: 'pipe',
    });
    execFileSync('openssl', ['ca', '-gencrl', ...conf, '-out', join(pki.dir, 'hold.crl.pem')], {
      cwd: pki.dir,
      stdio: 'pipe',
    });
    // the file the loopback server serves at the CA's distribution point
    const served = join(pki.dir, `${ca.name}.crl`);
    execFileSync('openssl', ['crl', '-in', join(pki.dir, 'hold.crl.pem'), '-outform', 'DER', '-out', served]);
    const trust = new TrustStore(await readTrustFile(pki.root.certPem));
    const revocation = createRevocationChecker({ offline: false, cacheDir: null });
    const now = new Date();
    const ctx = { pool: [parsed(ca), parsed(pki.root)], trust, revocation, now };
    const checks = await checkSignerCertificate(parsed(leaf), ['sha256'], ctx);
    expect(checks.chain[0]?.revocation?.revocationReason).toBe('certificateHold');
    expect(checks.chain[0]?.revocation?.message).toMatch(/suspended/);
    const verdict = decideSignature(
      { signer: parsed(leaf), hashOk: true, sigOk: true, essMismatch: false, now } as never,
      checks,
    );
    expect([verdict.indication, verdict.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(verdict.explanation).toMatch(/suspended/);
  });
});
