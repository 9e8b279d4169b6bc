/**
 * A signature timestamp dated before the signer certificate's notBefore (EN 319 102-1; DSS
 * BestSignatureTimeNotBeforeCertificateIssuanceCheck): the best signature time precedes the certificate's issuance,
 * so the signature is INDETERMINATE/NOT_YET_VALID and that time is no proof of existence for anything — here it
 * would otherwise rescue a signer revoked after it. The timestamp itself is genuine (a trusted TSA); the claimed
 * signingTime is today, after the notBefore.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import type { IssuedCert } from '../support/pki';
import type { TsaPki } from '../support/tsa-server';
import {
  datedLeaf,
  datedToken,
  makeDatedPki,
  withRevocationValues,
  withSignatureTimestamp,
} from './support/dated-pki';

const fx = inject('fixture');
const YEAR = 365 * 24 * 3600e3;
let pki: TsaPki;
let dir = '';
let n = 0;

const ca = () => ['-config', pki.config, '-keyfile', join(pki.dir, 'root.key.pem'), '-cert', pki.rootPem];
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** the root's CRL of today, DER */
function rootCrl(): Uint8Array {
  const pem = join(dir, `root-${n++}.crl.pem`);
  openssl(['ca', '-gencrl', ...ca(), '-crldays', '30', '-out', pem]);
  return new Uint8Array(openssl(['crl', '-in', pem, '-outform', 'DER']));
}

/** a CAdES signature of `leaf` (signingTime now) with a timestamp of `genTime`, and today's CRL in both */
function stamped(leaf: IssuedCert, genTime: Date, crl: Uint8Array): string {
  const doc = join(dir, `doc-${n}.txt`);
  writeFileSync(doc, 'Contratto: pagare 1000 EUR\n');
  const p7m = `${doc}.p7m`;
  const key = ['-signer', leaf.certPem, '-inkey', leaf.keyPem, '-outform', 'DER', '-out', p7m];
  openssl(['cms', '-sign', '-binary', '-nodetach', '-cades', '-md', 'sha256', '-in', doc, ...key]);
  const der = withSignatureTimestamp(new Uint8Array(readFileSync(p7m)), (sv) =>
    withRevocationValues(datedToken(pki, genTime, sv, 'sha256'), [crl]),
  );
  writeFileSync(p7m, withRevocationValues(der, [crl]));
  return p7m;
}

async function verify(file: string) {
  const trust = new TrustStore(await readTrustFile(pki.rootPem));
  const revocation = createRevocationChecker({ offline: true, cacheDir: null });
  return (await verifyFile(file, { trust, revocation })).signatures[0]!;
}

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'poe-before-issuance-'));
  ({ pki } = makeDatedPki(dir));
});

describe('a signature timestamp before the signer certificate was issued', () => {
  it('control: a timestamp after the notBefore passes', async () => {
    const leaf = datedLeaf(pki, 'ok', {
      start: new Date(Date.now() - YEAR),
      end: new Date(Date.now() + YEAR),
    });
    const s = await verify(stamped(leaf, new Date(Date.now() - YEAR / 2), rootCrl()));
    expect(s.timestamps?.[0]?.indication).toBe('TOTAL_PASSED');
    expect(s.indication).toBe('TOTAL_PASSED');
  });

  it('is INDETERMINATE/NOT_YET_VALID, though the timestamp itself is valid', async () => {
    const leaf = datedLeaf(pki, 'early', {
      start: new Date(Date.now() - YEAR),
      end: new Date(Date.now() + YEAR),
    });
    const s = await verify(stamped(leaf, new Date(Date.now() - 2 * YEAR), rootCrl()));
    expect(s.integrity).toBe('valid');
    expect(s.timestamps?.[0]?.indication).toBe('TOTAL_PASSED');
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('NOT_YET_VALID');
    expect(s.explanation).toMatch(/marca temporale data la firma prima|timestamp dates the signature before/);
  });

  it('gives no proof of existence: a signer revoked since stays revoked', async () => {
    const leaf = datedLeaf(pki, 'revoked', {
      start: new Date(Date.now() - YEAR),
      end: new Date(Date.now() + YEAR),
    });
    openssl(['ca', '-revoke', leaf.certPem, ...ca(), '-crl_reason', 'keyCompromise']);
    const s = await verify(stamped(leaf, new Date(Date.now() - 2 * YEAR), rootCrl()));
    expect(s.revocation?.status).toBe('revoked');
    expect(s.indication).not.toBe('TOTAL_PASSED');
    expect(['REVOKED', 'REVOKED_NO_POE']).toContain(s.subIndication);
  });
});
