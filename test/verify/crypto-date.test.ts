/**
 * Crypto constraints by date, as DSS's default policy (electron/core/x509/crypto-policy.ts): SHA-1 and RSA
 * below 1900 bits expired years ago, so without a proof of existence they give
 * INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE; a valid signature timestamp from before the expiry date proves
 * the signature and the constraint passes; one from after it does not. The PKI and the timestamps are dated
 * (2007–2040) and built here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import type { IssuedCert } from '../support/pki';
import { makeTsaPki, type TsaPki } from '../support/tsa-server';
import { cmsPartsInMemory } from './support/cms-in-memory';
import {
  DATED_END,
  DATED_START,
  datedLeaf,
  datedToken,
  makeDatedPki,
  withSignatureTimestamp,
} from './support/dated-pki';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
const BEFORE_SHA1_EXPIRY = new Date('2008-06-01T00:00:00Z');
const AFTER_SHA1_EXPIRY = new Date('2010-06-01T00:00:00Z');
let dir = '';
let pki: TsaPki;
let trust: TrustStore;
let signer: IssuedCert;
let recentTsa: TsaPki;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'crypto-date-'));
  ({ pki, signer } = makeDatedPki(join(dir, 'pki')));
  recentTsa = makeTsaPki(join(dir, 'recent-tsa'));
  trust = new TrustStore([
    ...(await readTrustFile(pki.rootPem)),
    ...(await readTrustFile(recentTsa.rootPem)),
  ]);
});

function sign(md: string, who = signer, certfile?: string): Uint8Array {
  const input = join(dir, `doc-${++n}.txt`);
  writeFileSync(input, `documento ${n}\n`);
  return opensslCmsSign({ input, out: `${input}.p7m`, signer: who, md, certfile });
}

/** the signature with a timestamp claiming `genTime` over its signature value */
const stamped = (der: Uint8Array, genTime: Date, hash: 'sha1' | 'sha256' = 'sha256') =>
  withSignatureTimestamp(der, (value) => datedToken(pki, genTime, value, hash));

async function verdict(der: Uint8Array) {
  const [s] = await verifyCmsSignatures(cmsPartsInMemory(der), { trust });
  expect(s?.integrity).toBe('valid');
  return s!;
}

describe('crypto constraints by date (CAdES)', () => {
  it('SHA-256 and RSA 2048 without a timestamp: no crypto failure (revocation not checked → TRY_LATER)', async () => {
    const s = await verdict(sign('sha256'));
    expect([s.indication, s.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
  });

  it('SHA-1 without a timestamp → INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE naming SHA-1', async () => {
    const s = await verdict(sign('sha1'));
    expect([s.indication, s.subIndication]).toEqual(['INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE']);
    expect(s.messages.join(' ')).toMatch(/SHA-1/);
  });

  it('SHA-1 with a valid timestamp from before 2009: the POE passes the constraint', async () => {
    const s = await verdict(stamped(sign('sha1'), BEFORE_SHA1_EXPIRY));
    expect(s.timestamps?.[0]?.integrity).toBe('valid');
    expect(s.timestamps?.[0]?.genTime).toBe(BEFORE_SHA1_EXPIRY.toISOString());
    expect([s.indication, s.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
  });

  it('SHA-1 with a valid timestamp from after the expiry date: still NO_POE', async () => {
    const s = await verdict(stamped(sign('sha1'), AFTER_SHA1_EXPIRY));
    expect(s.timestamps?.[0]?.integrity).toBe('valid');
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  });

  it('a timestamp whose own imprint is SHA-1 proves nothing: the token is NO_POE, so is the signature', async () => {
    const s = await verdict(stamped(sign('sha1'), BEFORE_SHA1_EXPIRY, 'sha1'));
    expect(s.timestamps?.[0]?.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  });

  it('a signer certificate signed with SHA-1 (a chain algorithm) → NO_POE, passed by an early timestamp', async () => {
    const weakCert = datedLeaf(pki, 'sha1cert', { start: DATED_START, end: DATED_END, md: 'sha1' });
    const der = sign('sha256', weakCert);
    expect((await verdict(der)).subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect((await verdict(stamped(der, BEFORE_SHA1_EXPIRY))).subIndication).toBe('TRY_LATER');
  });

  it('RSA 1536 (expired 2016) → NO_POE; RSA 512 (below DSS’s 1024-bit minimum) → CRYPTO_CONSTRAINTS_FAILURE even with a POE', async () => {
    const rsa1536 = datedLeaf(pki, 'rsa1536', { start: DATED_START, end: DATED_END, bits: 1536 });
    expect((await verdict(sign('sha256', rsa1536))).subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    const rsa512 = datedLeaf(pki, 'rsa512', { start: DATED_START, end: DATED_END, bits: 512 });
    const s = await verdict(stamped(sign('sha256', rsa512), BEFORE_SHA1_EXPIRY));
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE');
  });

  it('a token back-dated before its TSA certificate existed proves nothing: NOT_YET_VALID, signature still NO_POE', async () => {
    const der = withSignatureTimestamp(sign('sha1'), (value) =>
      datedToken(recentTsa, BEFORE_SHA1_EXPIRY, value, 'sha256'),
    );
    const s = await verdict(der);
    expect(s.timestamps?.[0]?.subIndication).toBe('NOT_YET_VALID');
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
  });

  it('an intermediate CA with an RSA 1024 key (it signs the signer certificate) → NO_POE', async () => {
    const weakCa = datedLeaf(pki, 'ca1024', { start: DATED_START, end: DATED_END, bits: 1024, ca: true });
    const leaf = datedLeaf(pki, 'under1024', { start: DATED_START, end: DATED_END, issuer: weakCa });
    const s = await verdict(sign('sha256', leaf, weakCa.certPem));
    expect(s.chain).toHaveLength(3);
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect(s.messages.join(' ')).toMatch(/RSA 1024/);
  });
});
