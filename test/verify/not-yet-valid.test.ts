/**
 * A certificate not yet valid at the validation time (now) is INDETERMINATE/NOT_YET_VALID (RFC 5280 §6.1.3 a 2,
 * ETSI EN 319 102-1 §5.2.6), whatever time the signature claims: none, or one after the notBefore. The same for a
 * TSA certificate (checked as of a time before its notBefore); a CA of the path not yet valid is OUT_OF_BOUNDS_NO_POE (signer-checks caValidity). The
 * certificates start in 2030, issued here by a root valid today.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { OID_BY_HASH } from '../../electron/core/cms/algorithm-oids';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { parseTimestampToken } from '../../electron/core/tsa/timestamp-token';
import { checkTimestampToken } from '../../electron/core/verify/token-check';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import type { IssuedCert } from '../support/pki';
import { makeTsaPki, type TsaPki } from '../support/tsa-server';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { datedLeaf, datedToken } from './support/dated-pki';
import { algId, manualSignerInfo, nodeSigner, partsOf, type TestKey } from './support/manual-signer';
import { opensslCmsSign } from './support/openssl-cms';

const fx = inject('fixture');
const FROM_2030 = { start: new Date('2030-01-01T00:00:00Z'), end: new Date('2032-01-01T00:00:00Z') };
const CLAIMED_2031 = new Date('2031-01-01T00:00:00Z');
let dir = '';
let pki: TsaPki;
let trust: TrustStore;
let future: IssuedCert;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'not-yet-valid-'));
  pki = makeTsaPki(join(dir, 'pki'));
  trust = new TrustStore(await readTrustFile(pki.rootPem));
  future = datedLeaf(pki, 'future', FROM_2030);
});

const testKey = (c: IssuedCert): TestKey => ({
  key: createPrivateKey(readFileSync(c.keyPem)),
  certDer: new Uint8Array(new X509Certificate(readFileSync(c.certPem)).raw),
});

describe('certificates not yet valid today', () => {
  it('signer from 2030, no signed attributes (no claimed time) → NOT_YET_VALID', async () => {
    const input = join(dir, 'noattr.txt');
    writeFileSync(input, 'documento\n');
    const der = opensslCmsSign({
      input,
      out: `${input}.p7m`,
      signer: future,
      flags: ['-nodetach', '-noattr'],
    });
    const [s] = await verifyCmsSignatures(cmsPartsInMemory(der), { trust });
    expect(s?.integrity).toBe('valid');
    expect(s?.signingTime).toBeNull();
    expect([s?.indication, s?.subIndication]).toEqual(['INDETERMINATE', 'NOT_YET_VALID']);
    expect(s?.explanation).toContain('2030-01-01');
  });

  it('signer from 2030 claiming a signingTime of 2031 → NOT_YET_VALID', async () => {
    const k = testKey(future);
    const content = new TextEncoder().encode('documento datato nel futuro\n');
    const si = manualSignerInfo(k, {
      content,
      hash: 'sha256',
      digestAlgorithm: algId(OID_BY_HASH.sha256),
      signatureAlgorithm: algId('1.2.840.113549.1.1.11'),
      signer: nodeSigner(k, 'sha256'),
      signingTime: CLAIMED_2031,
    });
    const [s] = await verifyCmsSignatures(partsOf(k, si, content), { trust });
    expect(s?.integrity).toBe('valid');
    expect(s?.signingTime).toBe(CLAIMED_2031.toISOString());
    expect([s?.indication, s?.subIndication]).toEqual(['INDETERMINATE', 'NOT_YET_VALID']);
  });

  it('a CA of the path from 2030 (signer valid today) → OUT_OF_BOUNDS_NO_POE naming the CA', async () => {
    const ca = datedLeaf(pki, 'future-ca', { ...FROM_2030, ca: true });
    const now = Date.now();
    const leaf = datedLeaf(pki, 'under-future-ca', {
      start: new Date(now - 86400e3),
      end: new Date(now + 365 * 86400e3),
      issuer: ca,
    });
    const input = join(dir, 'ca.txt');
    writeFileSync(input, 'documento\n');
    const der = opensslCmsSign({ input, out: `${input}.p7m`, signer: leaf, certfile: ca.certPem });
    const [s] = await verifyCmsSignatures(cmsPartsInMemory(der), { trust });
    expect(s?.chain).toHaveLength(3);
    expect([s?.indication, s?.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
    expect(s?.messages.join(' ')).toContain('future-ca');
  });

  it('a TSA certificate valid from an hour ago, checked as of two hours ago → NOT_YET_VALID', async () => {
    // validation time before the notBefore, the token's genTime and signingTime after it (none claims too early)
    const hourAgo = Date.now() - 3600e3;
    const tsa = datedLeaf(pki, 'recent-tsa', {
      start: new Date(hourAgo),
      end: FROM_2030.end,
      eku: 'critical,timeStamping',
    });
    const data = new TextEncoder().encode('dati marcati\n');
    const tsaPki = { ...pki, tsaCertPem: tsa.certPem, tsaKeyPem: tsa.keyPem };
    const token = datedToken(tsaPki, new Date(), data, 'sha256');
    const digest = new Uint8Array(createHash('sha256').update(data).digest());
    const check = (now: Date) =>
      checkTimestampToken(parseTimestampToken(token), () => digest, { trust, now });
    const r = await check(new Date(hourAgo - 3600e3));
    expect(r.imprintMatches).toBe(true);
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'NOT_YET_VALID']);
    // the same token checked today: only its revocation is unknown (the test TSA publishes none)
    expect((await check(new Date())).subIndication).toBe('TRY_LATER');
  });
});
