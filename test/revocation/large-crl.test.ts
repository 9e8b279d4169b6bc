/**
 * A qualified CA's CRL has tens of thousands of entries (megabytes): it is read whole, not refused as unreadable
 * (asn1js stops at 10 000 nodes, ~3 000 entries — every genuine CNS signature was "revocation unknown" when OCSP
 * was down). The signer's entry is found wherever it is in the list, with its date and reason, and the RFC 5280
 * §5.3 rule still reaches every entry: an unknown critical entry extension, even far from the signer's, makes the
 * CRL unusable.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { setLang } from '../../electron/core/i18n/translate';
import { parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { certificatesFromBytes, readTrustFile } from '../../electron/core/trust/trust-file';
import { cmsPartsInMemory } from '../verify/support/cms-in-memory';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import type { IssuedCert } from '../support/pki';
import { startLoopbackCa, type LoopbackCa } from './support/loopback-ca';
import { bigCrl } from './support/big-crl';
import { integer, octetString, oid, sequence, time, tlv } from '../../electron/core/cms/der';

const fx = inject('fixture');
const ENTRIES = 50_000;
let ca: LoopbackCa;
let dir = '';
let good: IssuedCert;
let revoked: IssuedCert;
let root: ParsedCert;
let rootCa: IssuedCert;
let trust: TrustStore;
let revokedAt: Date;
let signedGood: Uint8Array;
let signedRevoked: Uint8Array;

function pc(path: string): ParsedCert {
  const [der] = certificatesFromBytes(new Uint8Array(readFileSync(path)));
  const p = der && parseCert(der);
  if (!p) throw new Error(path);
  return p;
}

function sign(signer: IssuedCert, name: string): Uint8Array {
  return opensslCmsSign({ input: join(dir, 'doc.txt'), out: join(dir, name), signer });
}

/** the CRL the loopback server answers from now on */
const publish = (der: Uint8Array) => writeFileSync(join(ca.dir, 'ca.crl'), der);

const checker = () =>
  createRevocationChecker({
    offline: false,
    cacheDir: mkdtempSync(join(dir, 'cache-')),
    fetch: { connectTimeoutMs: 2000, totalTimeoutMs: 5000 },
  });

beforeAll(async () => {
  setLang('en');
  dir = mkdtempSync(join(fx.root, 'large-crl-'));
  writeFileSync(join(dir, 'doc.txt'), 'contratto\n');
  ca = await startLoopbackCa(join(dir, 'ca'));
  ca.ocspUp = false;
  rootCa = { name: 'root', certPem: ca.rootPem, keyPem: join(ca.dir, 'root.key.pem'), certDer: '' };
  good = ca.issue('good');
  revoked = ca.issue('revoked');
  revokedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  await new Promise((r) => setTimeout(r, 1100));
  signedGood = sign(good, 'good.p7m');
  signedRevoked = sign(revoked, 'revoked.p7m');
  root = pc(ca.rootPem);
  trust = new TrustStore(await readTrustFile(ca.rootPem));
});

afterAll(async () => {
  await ca?.close();
});

describe(`a CRL of ${ENTRIES} entries over HTTP`, () => {
  it('is read: the certificate not listed is good, the one listed revoked with its reason and date', async () => {
    const listed = { serial: revoked.certDer, date: revokedAt, reason: 1 }; // keyCompromise
    const der = bigCrl(rootCa, ENTRIES, [{ at: 37_123, entry: listed }]);
    expect(der.length).toBeGreaterThan(2_000_000);
    publish(der);
    const c = checker();
    const g = await c.check(pc(good.certDer), root);
    expect(g).toMatchObject({ status: 'good', source: 'crl', url: `${ca.baseUrl}/ca.crl` });
    const r = await c.check(pc(revoked.certDer), root);
    expect(r).toMatchObject({ status: 'revoked', source: 'crl', revocationReason: 'keyCompromise' });
    expect(r.revocationTime).toBe(revokedAt.toISOString());

    const [sg] = await verifyCmsSignatures(cmsPartsInMemory(signedGood), { trust, revocation: checker() });
    expect(sg?.indication).toBe('TOTAL_PASSED');
    expect(sg?.revocation).toMatchObject({ status: 'good', source: 'crl' });
    const [sr] = await verifyCmsSignatures(cmsPartsInMemory(signedRevoked), { trust, revocation: checker() });
    expect(sr?.integrity).toBe('valid');
    expect(sr?.indication).toBe('TOTAL_FAILED');
    expect(sr?.subIndication).toBe('REVOKED');
    expect(sr?.revocation).toMatchObject({ status: 'revoked', revocationReason: 'keyCompromise' });
  });

  it('the signer listed last, or first, is found as well', async () => {
    for (const at of [0, ENTRIES]) {
      publish(
        bigCrl(rootCa, ENTRIES, [{ at, entry: { serial: revoked.certDer, date: revokedAt, reason: 1 } }]),
      );
      const r = await checker().check(pc(revoked.certDer), root);
      expect(r).toMatchObject({ status: 'revoked', source: 'crl', revocationReason: 'keyCompromise' });
    }
  });

  it('an unknown critical extension on any entry, far from the signer, makes the CRL unusable', async () => {
    const odd = { serial: 7n, date: revokedAt, extra: { oid: '1.3.6.1.4.1.99999.1', critical: true } };
    publish(bigCrl(rootCa, ENTRIES, [{ at: ENTRIES - 2, entry: odd }]));
    const r = await checker().check(pc(good.certDer), root);
    expect(r.status).toBe('unknown');
    // the same extension not critical: ignored (RFC 5280 §5.3)
    publish(
      bigCrl(rootCa, ENTRIES, [
        { at: ENTRIES - 2, entry: { ...odd, extra: { ...odd.extra, critical: false } } },
      ]),
    );
    expect((await checker().check(pc(good.certDer), root)).status).toBe('good');
  });

  const ascii = (t: string) => Uint8Array.from(t, (c) => c.charCodeAt(0));
  it.each([
    [
      'a revocation date that is no date (month 13)',
      () => sequence(integer(7), tlv(0x17, ascii('261301120000Z'))),
    ],
    ['a serial that is not an INTEGER', () => sequence(octetString(Uint8Array.of(7)), time(revokedAt))],
    ['a SET tag instead of SEQUENCE', () => tlv(0x31, integer(7), time(revokedAt))],
    [
      'an extension without extnValue',
      () =>
        sequence(
          integer(7),
          time(revokedAt),
          sequence(sequence(oid('2.5.4.3'), tlv(0x01, Uint8Array.of(0xff)))),
        ),
    ],
  ])('an entry with %s, signed: the CRL is unusable, not a crash', async (_what, raw) => {
    publish(bigCrl(rootCa, ENTRIES, [{ at: 40_000, entry: { serial: 7n, date: revokedAt, raw: raw() } }]));
    expect((await checker().check(pc(good.certDer), root)).status).toBe('unknown');
  });

  it('a CRL whose signature does not cover its entries is rejected', async () => {
    const der = bigCrl(rootCa, ENTRIES, [
      { at: 5, entry: { serial: revoked.certDer, date: revokedAt, reason: 1 } },
    ]);
    // one byte of one filler serial changed after signing
    const bad = Uint8Array.from(der);
    const at = Buffer.from(bad).indexOf(Buffer.from([0x5a, 0xa5, 0xa5]), 100_000);
    bad[at + 1] = 0xa6;
    publish(bad);
    expect((await checker().check(pc(good.certDer), root)).status).toBe('unknown');
  });
});
